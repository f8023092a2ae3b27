import Foundation

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

    /// The separator of UTF-8 `data` as `detect(in:)` finds it in the decoded text; a comma when
    /// `data` is not UTF-8 (the reader then says which line is not).
    ///
    /// Reads the start of the file first: the header is in it, and decoding the whole of a large
    /// file only to find its first line cost as much memory as the file.
    public static func detect(in data: Data) -> CSVSeparator {
        let prefix = data.prefix(64 << 10)
        if prefix.count < data.count {
            // Undecodable bytes cut at the end of the prefix are text, like any other character but a separator.
            let found = header(in: String(decoding: prefix, as: UTF8.self))
            if found.complete { return found.separator }
        }
        return String(data: data, encoding: .utf8).map(detect(in:)) ?? .comma
    }

    /// The separator of `text`, read from its header (the first line with text): the candidate
    /// found most often outside quotes; a comma when none is found.
    public static func detect(in text: String) -> CSVSeparator {
        header(in: text).separator
    }

    /// What `detect(in:)` finds, and whether the header's line ended within `text` (so more text
    /// after it would not change the answer).
    private static func header(in text: String) -> (separator: CSVSeparator, complete: Bool) {
        var counts: [CSVSeparator: Int] = [:]
        var inQuotes = false
        var sawText = false
        var complete = false
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        for c in scalars {
            if c == "\"" { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if c == "\n" || c == "\r" {
                // A line of nothing but separators (cleared cells) is not the header.
                if sawText { complete = true; break }
                counts = [:]
                continue
            }
            if let separator = allCases.first(where: { $0.scalar == c }) {
                counts[separator, default: 0] += 1
            } else if c != " " {
                sawText = true
            }
        }
        let found = allCases.max { (counts[$0] ?? 0, -$0.order) < (counts[$1] ?? 0, -$1.order) }
            .flatMap { (counts[$0] ?? 0) > 0 ? $0 : nil } ?? .comma
        return (found, complete)
    }

    private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
