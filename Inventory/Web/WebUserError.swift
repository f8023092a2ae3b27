/// Why an account could not be added, changed or removed.
public enum WebUserError: Error, Equatable, CustomStringConvertible {
    case badName(String, reason: String)
    case exists(String)
    case notFound(String, known: [String])

    public var description: String {
        switch self {
        case .badName(let name, let reason):
            "account name \(TerminalText.quoted(name)): \(reason)"
        case .exists(let name):
            "there is already an account \(TerminalText.quoted(name)); change its password with `kiemke users passwd \(name)`"
        case .notFound(let name, let known):
            "there is no account \(TerminalText.quoted(name))" + (known.isEmpty ? "; add one with `kiemke users add NAME --role clerk|admin --password-stdin`" : "; accounts: \(known.joined(separator: ", "))")
        }
    }

    /// Every case is something the user typed.
    public var isInputError: Bool { true }
}
