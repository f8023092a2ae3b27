import Inventory

extension SpillError: BilingualMessage {
    public var vietnamese: String {
        switch self {
        case .unreadable(let path, let reason):
            "không đọc được các kết quả thăm dò đã lưu tạm trong \(path) lúc dừng lần trước: \(SystemReason.vietnamese(reason))"
        }
    }
}
