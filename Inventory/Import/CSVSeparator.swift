/// The character between fields of a CSV file: Excel writes `;` where the regional settings
/// (Vietnamese among them) use a decimal comma, and "Unicode text" is tab-separated.
public enum CSVSeparator: String, Sendable, CaseIterable {
    case comma, semicolon, tab

    /// The character itself.
    public var scalar: Unicode.Scalar {
        switch self {
        case .comma: ","
        case .semicolon: ";"
        case .tab: "\t"
        }
    }

    /// How a person calls it, for "read with ... between fields".
    public var name: String {
        switch self {
        case .comma: "commas"
        case .semicolon: "semicolons"
        case .tab: "tabs"
        }
    }

    /// The separator of `text`, read from its header (the first line with text): the candidate
    /// found most often outside quotes; a comma when none is found.
    public static func detect(in text: String) -> CSVSeparator {
        var counts: [CSVSeparator: Int] = [:]
        var inQuotes = false
        var sawText = false
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        for c in scalars {
            if c == "\"" { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if c == "\n" || c == "\r" {
                // A line of nothing but separators (cleared cells) is not the header.
                if sawText { break }
                counts = [:]
                continue
            }
            if let separator = allCases.first(where: { $0.scalar == c }) {
                counts[separator, default: 0] += 1
            } else if c != " " {
                sawText = true
            }
        }
        return allCases.max { (counts[$0] ?? 0, -$0.order) < (counts[$1] ?? 0, -$1.order) }
            .flatMap { (counts[$0] ?? 0) > 0 ? $0 : nil } ?? .comma
    }

    private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
