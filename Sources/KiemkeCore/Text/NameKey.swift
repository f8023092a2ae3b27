import Foundation

/// The folded form of a name under which devices are matched and sorted: NFC, lower case, trimmed.
///
/// Vietnamese names arrive in NFC from one keyboard and NFD from another; "pc-01" and "PC-01"
/// are the same device to the person typing. Diacritics are kept: "Hỏng" and "Hong" differ.
public enum NameKey {
    /// Folds text for matching: NFC, trimmed, lower-cased, inner runs of white space made one space.
    public static func fold(_ text: String) -> String {
        let nfc = nfc(text).lowercased()
        // Most names have single inner spaces and none at the ends: nothing to collapse.
        var previousWasSpace = true
        var plain = true
        for scalar in nfc.unicodeScalars {
            let isSpace = scalar == " "
            let otherSpace = scalar.isASCII ? (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
            if (isSpace && previousWasSpace) || (!isSpace && otherSpace) {
                plain = false
                break
            }
            previousWasSpace = isSpace
        }
        if plain && !previousWasSpace { return nfc }
        return nfc.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Normalises text for storage: NFC and trimmed, with case and diacritics kept.
    public static func clean(_ text: String) -> String {
        let nfc = nfc(text)
        // Foundation's trimming bridges through NSString: skipped when neither end is white space
        // (Unicode's White_Space holds every character of `whitespacesAndNewlines`).
        guard let first = nfc.unicodeScalars.first, let last = nfc.unicodeScalars.last,
              first.properties.isWhitespace || last.properties.isWhitespace else { return nfc }
        return nfc.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `text` in NFC. Text made only of characters that are NFC whatever follows them (below the
    /// combining marks at U+0300, and the precomposed Vietnamese letters U+1E00-U+1EFF) is
    /// returned as it is: Foundation's normalisation costs microseconds a call, which a
    /// 200,000-row import pays a million times.
    static func nfc(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.value < 0x300 || (0x1E00..<0x1F00).contains($0.value) }) { return text }
        return text.precomposedStringWithCanonicalMapping
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
