/// Why a target given as text is not an address or network the probes can sweep.
public enum IPNetworkError: Error, Equatable, CustomStringConvertible {
    /// Neither an IP address nor `ADDRESS/PREFIX`.
    case malformed(String)
    /// A block with more hosts than a sweep takes.
    case tooLarge(String, maximum: Int)

    public var description: String {
        switch self {
        case .malformed(let text):
            return "'\(text)' is not an IP address or network (expected e.g. 192.168.1.10 or 192.168.1.0/24)"
        case let .tooLarge(text, maximum):
            return "'\(text)' has more than \(maximum) addresses; split it into smaller blocks (e.g. /22)"
        }
    }
}
