/// Checks a TOML text for what would crash the parser, before TOMLKit sees it.
///
/// Three things did: nesting (toml++ and the conversion recurse once per level; 50,000 levels
/// overflowed the stack), a table header whose name does not start with a key character
/// ("[" then a line break, "[.", "[ =") and a "}" closing an array ("a = [}]"): on the last two
/// toml++ 3 asserts (aborting the process) in debug builds and assumes the impossible in
/// release builds.
///
/// A byte scan with no recursion: it skips comments and the four kinds of strings (so a "[" in
/// a value does not count), counts open brackets and braces, and looks after each "[" that
/// opens a line. It must not trust the grammar; on malformed text it may miscount, but it never
/// reads past the end, and TOMLKit then reports the real error.
enum TOMLPrecheck {
    /// Why the text was refused, and on which line.
    enum Problem: Equatable {
        case tooDeep(line: Int)
        case headerWithoutName(line: Int)
        case mismatchedBracket(line: Int)
    }

    /// Throws naming the line of the first problem.
    static func check(_ text: String, maximumDepth: Int, file: String) throws(ConfigError) {
        switch firstProblem(in: text, maximumDepth: maximumDepth) {
        case .tooDeep(let line)?:
            throw .syntax(file: file, line: line,
                          message: "arrays or tables are nested more than \(maximumDepth) deep; kiemke's keys need at most 2")
        case .headerWithoutName(let line)?:
            throw .syntax(file: file, line: line, message: "a [table] header must start with its name, like [probe] or [kinds.camera]")
        case .mismatchedBracket(let line)?:
            throw .syntax(file: file, line: line, message: "brackets do not match: a \"}\" closes a \"[\" or a \"]\" a \"{\"")
        case nil:
            return
        }
    }

    /// The first problem of `text`, or nil.
    static func firstProblem(in text: String, maximumDepth limit: Int) -> Problem? {
        let bytes = Array(text.utf8)
        var openers: [UInt8] = []  // the "[" and "{" not closed yet, innermost last
        var depth: Int { openers.count }
        var line = 1
        var i = 0
        func at(_ j: Int) -> UInt8? { j < bytes.count ? bytes[j] : nil }
        func starts(_ quote: UInt8, _ j: Int) -> Bool { at(j) == quote && at(j + 1) == quote && at(j + 2) == quote }
        let newline = UInt8(ascii: "\n"), hash = UInt8(ascii: "#"), backslash = UInt8(ascii: "\\")
        let double = UInt8(ascii: "\""), single = UInt8(ascii: "'"), open = UInt8(ascii: "[")
        func isBlank(_ b: UInt8?) -> Bool { b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") }
        func startsKey(_ b: UInt8?) -> Bool {
            guard let b else { return false }
            return (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
                || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
                || b == double || b == single || b == UInt8(ascii: "]")
        }
        var lineStart = true  // only blanks since the last line break, outside any bracket
        while i < bytes.count {
            let c = bytes[i]
            if c == open && lineStart && depth == 0 {
                // A table header: "[" or "[[", blanks, then a key, a quote, or "]" (which toml++ reports itself).
                var j = i + 1
                while isBlank(at(j)) { j += 1 }
                if at(j) == open && j == i + 1 {
                    j += 1
                    while isBlank(at(j)) { j += 1 }
                }
                if !startsKey(at(j)) { return .headerWithoutName(line: line) }
            }
            lineStart = (c == newline) || (lineStart && isBlank(c))
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
                openers.append(c)
                if depth > limit { return .tooDeep(line: line) }
                i += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                if let last = openers.popLast(), (last == open) != (c == UInt8(ascii: "]")) {
                    return .mismatchedBracket(line: line)
                }
                i += 1
            default:
                i += 1
            }
        }
        return nil
    }
}
