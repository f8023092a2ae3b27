extension DaemonLockError: BilingualMessage {
    public var vietnamese: String {
        switch self {
        case .held(let database, let pid, let lockFile):
            let who = pid.map { "pid \($0)" } ?? "không rõ pid"
            return "một tiến trình kiemke daemon khác (\(who)) đang thăm dò \(database); chạy hai cái thì mỗi thiết bị bị ghi hai lần. "
                + "Hãy dừng nó trước (`systemctl stop kiemke`, hoặc `kill \(pid.map(String.init) ?? "PID")`); nó đang giữ \(lockFile)"
        case .cannotCreate(let path, let reason):
            return "không tạo được tệp khoá của daemon \(path): \(SystemReason.vietnamese(reason))"
        }
    }
}
