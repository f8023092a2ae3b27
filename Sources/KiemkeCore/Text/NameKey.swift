import Foundation

/// The folded form of a name under which devices are matched and sorted: NFC, lower case, trimmed.
///
/// Vietnamese names arrive in NFC from one keyboard and NFD from another; "pc-01" and "PC-01"
/// are the same device to the person typing. Diacritics are kept: "Hỏng" and "Hong" differ.
public enum NameKey {
    /// Folds text for matching: NFC, trimmed, lower-cased, inner runs of white space made one space.
    public static func fold(_ text: String) -> String {
        let nfc = text.precomposedStringWithCanonicalMapping.lowercased()
        return nfc.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Normalises text for storage: NFC and trimmed, with case and diacritics kept.
    public static func clean(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Edit distance between two folded names, for "did you mean" suggestions.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The names nearest to `query`, best first (see `closeness(of:to:)`); diacritics and case ignored.
    public static func suggestions(for query: String, among names: [String], limit: Int = 3) -> [String] {
        var scored: [(name: String, score: Int)] = []
        for name in names {
            if let score = closeness(of: name, to: query) { scored.append((name, score)) }
        }
        scored.sort { a, b in a.score != b.score ? a.score < b.score : fold(a.name) < fold(b.name) }
        return scored.prefix(limit).map { $0.name }
    }
}
