import Foundation

/// Where each key and table header of a TOML text stands, for messages that name a line.
///
/// It runs only on text TOMLKit has already accepted, so it need not check the grammar: it
/// follows `[table]` headers, reads the key left of each `=` outside strings and comments,
/// and skips multi-line strings. A key it cannot place (one inside an inline table) takes the
/// line of its nearest placed parent.
struct TOMLKeyLines {
    private var lines: [[String]: Int] = [:]

    init(_ text: String) {
        var table: [String] = []
        var closing: String?  // the delimiter that ends the multi-line string we are in
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            if let delimiter = closing {
                // The rest of a line that closes a multi-line string holds no key.
                if raw.contains(delimiter) { closing = nil }
                continue
            }
            let code = Self.stripComment(raw).trimmingCharacters(in: .whitespaces)
            if code.hasPrefix("[") {
                let name = code.drop(while: { $0 == "[" }).prefix(while: { $0 != "]" })
                table = Self.keyParts(name)
                record(table, line: number)
                continue
            }
            guard let equals = Self.indexOfEquals(in: code) else { continue }
            record(table + Self.keyParts(code[..<equals]), line: number)
            let value = code[code.index(after: equals)...]
            for delimiter in ["\"\"\"", "'''"] where value.components(separatedBy: delimiter).count % 2 == 0 {
                closing = delimiter
            }
        }
    }

    /// The line `path` was written on, else its nearest placed parent's, else 1.
    func line(of path: [String]) -> Int {
        var prefix = path[...]
        while !prefix.isEmpty {
            if let line = lines[Array(prefix)] { return line }
            prefix = prefix.dropLast()
        }
        return 1
    }

    private mutating func record(_ path: [String], line: Int) {
        if lines[path] == nil { lines[path] = line }
    }

    /// `a."b.c" . d` → ["a", "b.c", "d"].
    static func keyParts(_ text: Substring) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for c in text {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "." {
                parts.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(c)
            }
        }
        parts.append(current.trimmingCharacters(in: .whitespaces))
        return parts
    }

    private static func stripComment(_ line: Substring) -> Substring {
        var quote: Character?
        var escaped = false
        for index in line.indices {
            let c = line[index]
            if escaped { escaped = false; continue }
            if quote == "\"" && c == "\\" { escaped = true; continue }
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#" {
                return line[..<index]
            }
        }
        return line
    }

    private static func indexOfEquals(in line: String) -> String.Index? {
        var quote: Character?
        for index in line.indices {
            let c = line[index]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "=" {
                return index
            }
        }
        return nil
    }
}
