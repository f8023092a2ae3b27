extension DurationText {
    /// Reads a duration a person typed on the command line or in the device list, where a bare
    /// number is refused: "5" could be seconds or minutes, and guessing wrong polls a device
    /// 60 times too often or too rarely. Zero and negative durations are refused too.
    public static func parseRequiringUnit(_ text: String, in range: ClosedRange<Duration>? = nil) -> Result<Duration, DurationProblem> {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let n = Double(t) {
            return .failure(n > 0 ? .noUnit(t) : .notPositive(text))
        }
        if t.hasPrefix("-") || t.hasPrefix("0") && Double(t.filter { $0.isNumber || $0 == "." }) == 0 {
            return .failure(.notPositive(text))
        }
        guard let duration = parse(t) else { return .failure(.malformed(text)) }
        if let range, parse(t, in: range) == nil { return .failure(.outOfRange(text, range)) }
        return .success(duration)
    }

    /// Why a typed duration was refused.
    public enum DurationProblem: Error, CustomStringConvertible, Equatable {
        case noUnit(String)
        case notPositive(String)
        case malformed(String)
        case outOfRange(String, ClosedRange<Duration>)

        public var description: String {
            switch self {
            case .noUnit(let n):
                "\"\(n)\" has no unit; write \(n)m for \(n) minutes (or \(n)s for seconds, \(n)h for hours)"
            case .notPositive(let text):
                "\(TerminalText.quoted(text, limit: 30)) is not a duration kiemke can use: it must be more than zero, like 30s or 5m"
            case .malformed(let text):
                DurationText.problem(text)
            case .outOfRange(let text, let range):
                DurationText.problem(text, in: range)
            }
        }
    }
}
