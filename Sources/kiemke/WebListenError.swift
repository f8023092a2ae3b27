import Agent

/// The web page could not listen where it was told: the socket's own error, and what it means in Vietnamese.
///
/// The English text stays the system's, as `kiemke web` has always printed it (scripts match it);
/// a Vietnamese user reads which address failed and why, with the error number kept.
enum WebListenError: Error, CustomStringConvertible, BilingualMessage {
    /// Binding `address` failed with `detail`, the network library's text.
    case bind(address: String, detail: String)

    /// The error for `error`, thrown while serving at `address`, when it is a failure to listen; else nil.
    static func from(_ error: any Error, address: String) -> WebListenError? {
        let detail = "\(error)"
        guard detail.contains("bind(") || detail.contains("listen(") else { return nil }
        return .bind(address: address, detail: detail)
    }

    var description: String {
        switch self {
        case .bind(_, let detail): detail
        }
    }

    var vietnamese: String {
        switch self {
        case .bind(let address, let detail):
            let reasons: [(needle: String, vi: String)] = [
                ("Address already in use", "cổng này đang được một chương trình khác dùng (một `kiemke web` hay `kiemke daemon` khác?); hãy chọn cổng khác bằng --listen"),
                ("Permission denied", "tài khoản này không được mở cổng dưới 1024; hãy chọn cổng từ 1024 trở lên (ví dụ 8080) hoặc chạy bằng root"),
                ("Cannot assign requested address", "máy này không có địa chỉ đó; hãy dùng 0.0.0.0 (mọi địa chỉ) hoặc 127.0.0.1 (chỉ máy này)"),
            ]
            let reason = reasons.first { detail.contains($0.needle) }?.vi ?? "lỗi hệ thống (chi tiết bằng tiếng Anh): \(detail)"
            let errno = detail.range(of: "errno: ").map { " (errno \(detail[$0.upperBound...].prefix(while: \.isNumber)))" } ?? ""
            return "không mở được trang web tại \(address): \(reason)\(errno)"
        }
    }
}
