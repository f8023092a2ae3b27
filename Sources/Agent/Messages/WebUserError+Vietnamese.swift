import Inventory

extension WebUserError: BilingualMessage {
    public var vietnamese: String {
        switch self {
        case .badName(let name, let reason):
            "tên tài khoản \(TerminalText.quoted(name)): \(Self.vietnameseNameProblem(reason))"
        case .exists(let name):
            "đã có tài khoản \(TerminalText.quoted(name)); đổi mật khẩu của nó bằng `kiemke users passwd \(name)`"
        case .notFound(let name, let known):
            "không có tài khoản \(TerminalText.quoted(name))"
                + (known.isEmpty ? "; thêm tài khoản bằng `kiemke users add TÊN --role clerk|admin --password-stdin`"
                                 : "; các tài khoản hiện có: \(known.joined(separator: ", "))")
        }
    }

    /// What `InventoryStore.accountNameProblem` says, in Vietnamese; an unknown reason stays as given.
    public static func vietnameseNameProblem(_ reason: String) -> String {
        switch reason {
        case "it is empty": "tên trống"
        case "it is longer than 64 characters": "tên dài hơn 64 ký tự"
        case "it holds control or formatting characters": "tên chứa ký tự điều khiển hoặc ký tự định dạng"
        default: reason
        }
    }
}
