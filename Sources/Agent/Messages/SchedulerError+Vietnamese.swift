extension SchedulerError: BilingualMessage {
    public var vietnamese: String {
        switch self {
        case .notRecorded(let count, let path):
            "\(count) kết quả thăm dò không ghi được vào \(path); xem nhật ký phía trên"
        }
    }
}
