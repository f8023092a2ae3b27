import Probes

extension PingError: BilingualMessage {
    public var vietnamese: String {
        switch self {
        case let .permissionDenied(mode, executable, detail):
            let what = switch mode {
            case .automatic: "cả socket ICMP thô lẫn socket ICMP không đặc quyền"
            case .raw: "socket ICMP thô"
            case .datagram: "socket ICMP không đặc quyền (datagram)"
            }
            let rawNote = mode == .datagram ? "\n(cách 1 và 2 chỉ có tác dụng ở chế độ tự động hoặc thô)" : ""
            return """
                không ping được: người dùng này không được mở \(what) (\(detail)). Sửa bằng một trong các cách:
                  1. chạy kiemke với quyền root (ví dụ sudo \(executable) ...)
                  2. cấp cho chương trình quyền socket thô: sudo setcap cap_net_raw+ep \(executable)
                  3. cho mọi nhóm mở socket ping: sudo sysctl -w net.ipv4.ping_group_range="0 2147483647"
                     (để giữ sau khi khởi động lại: echo 'net.ipv4.ping_group_range = 0 2147483647' | sudo tee /etc/sysctl.d/60-kiemke-ping.conf)\(rawNote)
                """
        case .socketFailed(let detail):
            return "không ping được: \(detail)"
        case .invalidOption(let detail):
            return "tùy chọn ping không hợp lệ: \(detail)"
        }
    }
}

extension IPNetworkError: BilingualMessage {
    public var vietnamese: String {
        switch self {
        case .malformed(let text):
            "'\(text)' không phải địa chỉ IP hay dải mạng (ví dụ 192.168.1.10 hoặc 192.168.1.0/24)"
        case let .tooLarge(text, maximum):
            "'\(text)' có hơn \(maximum) địa chỉ; hãy chia thành các dải nhỏ hơn (ví dụ /22)"
        }
    }
}
