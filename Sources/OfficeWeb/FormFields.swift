import Foundation

/// The fields of an `application/x-www-form-urlencoded` body or a query string.
struct FormFields: Sendable {
    private(set) var values: [String: String] = [:]

    init(_ pairs: [String: String] = [:]) {
        values = pairs
    }

    /// Parses "a=1&b=two+words"; a field given twice keeps its first value.
    init(urlEncoded text: String) {
        for part in text.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(pieces[0])
            let value = pieces.count > 1 ? Self.decode(pieces[1]) : ""
            if values[name] == nil { values[name] = value }
        }
    }

    subscript(_ name: String) -> String? {
        get { values[name] }
        set { values[name] = newValue }
    }

    /// The field, trimmed; "" when missing.
    func text(_ name: String) -> String {
        (values[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return (spaced.removingPercentEncoding ?? spaced).precomposedStringWithCanonicalMapping
    }
}
