/// How deeply a TOML text nests arrays and inline tables, measured before any parser recurses.
///
/// A byte scan with no recursion: it skips comments and the four kinds of strings (so a "[" in
/// a value does not count) and counts open brackets and braces. It runs before TOMLKit, so it
/// must not trust the grammar; on malformed text it may count wrongly, but it never reads past
/// the end, and TOMLKit then reports the real error.
enum TOMLDepth {
    /// Throws naming the line where the nesting first goes deeper than `limit`.
    static func check(_ text: String, limit: Int, file: String) throws(ConfigError) {
        if let line = firstLine(deeperThan: limit, in: text) {
            throw .syntax(file: file, line: line,
                          message: "arrays or tables are nested more than \(limit) deep; kiemke's keys need at most 2")
        }
    }

    /// The line where the depth first exceeds `limit`, or nil.
    static func firstLine(deeperThan limit: Int, in text: String) -> Int? {
        let bytes = Array(text.utf8)
        var depth = 0
        var line = 1
        var i = 0
        func at(_ j: Int) -> UInt8? { j < bytes.count ? bytes[j] : nil }
        func starts(_ quote: UInt8, _ j: Int) -> Bool { at(j) == quote && at(j + 1) == quote && at(j + 2) == quote }
        let newline = UInt8(ascii: "\n"), hash = UInt8(ascii: "#"), backslash = UInt8(ascii: "\\")
        let double = UInt8(ascii: "\""), single = UInt8(ascii: "'")
        while i < bytes.count {
            let c = bytes[i]
            switch c {
            case newline:
                line += 1
                i += 1
            case hash:
                while i < bytes.count && bytes[i] != newline { i += 1 }
            case double, single:
                let multi = starts(c, i)
                i += multi ? 3 : 1
                while i < bytes.count {
                    let s = bytes[i]
                    if s == newline {
                        line += 1
                        if !multi { break }  // a one-line string ends at the line's end at the latest
                    }
                    if c == double && s == backslash {
                        if at(i + 1) == newline { line += 1 }
                        i += 2
                        continue
                    }
                    if s == c && (!multi || starts(c, i)) {
                        i += multi ? 3 : 1
                        break
                    }
                    i += 1
                }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > limit { return line }
                i += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
                i += 1
            default:
                i += 1
            }
        }
        return nil
    }
}
