import Inventory

/// Why a config file was refused; each case names the file, the line and the key.
public enum ConfigError: Error, CustomStringConvertible, Equatable {
    case unreadable(file: String, reason: String)
    case syntax(file: String, line: Int, message: String)
    case unknownKey(file: String, line: Int, key: String, known: [String])
    case wrongType(file: String, line: Int, key: String, expected: String, found: String)
    case invalidValue(file: String, line: Int, key: String, message: String)

    /// The message, with keys cut short and control characters escaped: keys and paths come
    /// from the file, and the message reaches the terminal and the daemon's log.
    public var description: String {
        TerminalText.escaped(text, keepingLineBreaks: true)
    }

    private var text: String {
        func shown(_ key: String) -> String { key.count > 80 ? String(key.prefix(80)) + "…" : key }
        return switch self {
        case .unreadable(let file, let reason):
            "\(file): cannot read the config file: \(reason)"
        case .syntax(let file, let line, let message):
            "\(file):\(line): \(message)"
        case .unknownKey(let file, let line, let key, let known):
            "\(file):\(line): unknown key \(shown(key))" + (known.isEmpty ? "" : "; known keys here: \(known.joined(separator: ", "))")
        case .wrongType(let file, let line, let key, let expected, let found):
            "\(file):\(line): \(shown(key)) must be \(expected), found \(found)"
        case .invalidValue(let file, let line, let key, let message):
            "\(file):\(line): \(shown(key)): \(message)"
        }
    }
}
