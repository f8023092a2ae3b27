/// Why a benchmark step could not run.
enum BenchError: Error, CustomStringConvertible {
    case badAddress(String)
    case badOption(String)

    var description: String {
        switch self {
        case .badAddress(let text): "'\(text)' is not an IPv4 address"
        case .badOption(let detail): detail
        }
    }
}
