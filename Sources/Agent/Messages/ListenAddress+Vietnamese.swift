import Inventory
import KiemkeCore

extension ListenAddress {
    /// Why `text` is not a listen address, in Vietnamese, or nil (as `problem(with:)`).
    public static func vietnameseProblem(with text: String) -> String? {
        guard let (host, port) = split(text) else {
            return "\(TerminalText.quoted(text)) không có dạng HOST:PORT (máy:cổng); hãy viết ví dụ \"0.0.0.0:8080\" (mọi địa chỉ) hoặc \"127.0.0.1:8080\" (chỉ máy này)"
        }
        if IPAddress(host) == nil {
            return "\(TerminalText.quoted(host)) không phải địa chỉ IPv4 hay IPv6; hãy viết ví dụ \"0.0.0.0:8080\" hoặc \"[::]:8080\""
        }
        if !(1...65_535).contains(port) { return "cổng \(port) nằm ngoài khoảng 1...65535" }
        return nil
    }
}
