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

    /// The names nearest to `query`, best first: prefix and substring matches, then small edit distances.
    public static func suggestions(for query: String, among names: [String], limit: Int = 3) -> [String] {
        let key = fold(query)
        let threshold = max(2, key.count / 2)
        let scored = names.compactMap { name -> (String, Int)? in
            let folded = fold(name)
            if folded.hasPrefix(key) || key.hasPrefix(folded) { return (name, 0) }
            if folded.contains(key) || key.contains(folded) { return (name, 1) }
            let d = distance(key, folded)
            return d <= threshold ? (name, 1 + d) : nil
        }
        return scored
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : fold($0.0) < fold($1.0) }
            .prefix(limit).map(\.0)
    }
}
