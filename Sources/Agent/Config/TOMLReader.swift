import Foundation

/// Reads the TOML that kiemke's config files use, keeping each key's line for error messages.
///
/// It covers what an office config needs: `[table]` and `[table.sub]` headers, `key = value`
/// with bare or quoted keys, basic and literal strings, integers, floats, booleans and arrays
/// (which may span lines), and `#` comments. Anything else is reported with its line, so a
/// typo is never silently ignored.
struct TOMLReader {
    /// A value and where it was written.
    struct Entry: Equatable {
        var table: [String]
        var key: String
        var value: TOMLValue
        var line: Int

        /// "probe.interval": how messages name the key.
        var path: String { (table + [key]).joined(separator: ".") }
    }

    let file: String

    func entries(of text: String) throws(ConfigError) -> [Entry] {
        var entries: [Entry] = []
        var table: [String] = []
        var seen: Set<String> = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[...]
        var lineNumber = 0
        while let raw = lines.popFirst() {
            lineNumber += 1
            let startLine = lineNumber
            var line = Self.stripComment(raw).trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), !line.hasPrefix("[[") else {
                    throw .syntax(file: file, line: startLine, message: "a table header looks like [name] (arrays of tables are not used in kiemke's config)")
                }
                let name = line.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                table = name.split(separator: ".").map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
                if table.contains(where: \.isEmpty) {
                    throw .syntax(file: file, line: startLine, message: "the table name [\(name)] is empty or has an empty part")
                }
                continue
            }
            guard let equals = Self.indexOfEquals(in: line) else {
                throw .syntax(file: file, line: startLine, message: "expected key = value")
            }
            var key = line[..<equals].trimmingCharacters(in: .whitespaces)
            if key.count >= 2, key.hasPrefix("\""), key.hasSuffix("\"") { key = String(key.dropFirst().dropLast()) }
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
                throw .syntax(file: file, line: startLine, message: "\"\(key)\" is not a key name (letters, digits, _ and -)")
            }
            var valueText = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            // An array may go on over the following lines until its brackets balance.
            while valueText.hasPrefix("["), !Self.bracketsBalance(valueText), let next = lines.popFirst() {
                lineNumber += 1
                valueText += " " + Self.stripComment(next).trimmingCharacters(in: .whitespaces)
            }
            var parser = ValueParser(text: valueText[...], file: file, line: startLine)
            let value = try parser.parseValue()
            parser.skipSpaces()
            if !parser.text.isEmpty {
                throw .syntax(file: file, line: startLine, message: "unexpected \"\(parser.text)\" after the value of \(key)")
            }
            let entry = Entry(table: table, key: key, value: value, line: startLine)
            if !seen.insert(entry.path).inserted {
                throw .syntax(file: file, line: startLine, message: "\(entry.path) is set twice")
            }
            entries.append(entry)
            line = ""
        }
        return entries
    }

    private static func stripComment(_ line: String) -> String {
        var inBasic = false, inLiteral = false, escaped = false
        for index in line.indices {
            let c = line[index]
            if escaped { escaped = false; continue }
            if inBasic && c == "\\" { escaped = true; continue }
            if c == "\"" && !inLiteral { inBasic.toggle() }
            if c == "'" && !inBasic { inLiteral.toggle() }
            if c == "#" && !inBasic && !inLiteral { return String(line[..<index]) }
        }
        return line
    }

    private static func indexOfEquals(in line: String) -> String.Index? {
        var inQuotes = false
        for index in line.indices {
            if line[index] == "\"" { inQuotes.toggle() }
            if line[index] == "=" && !inQuotes { return index }
        }
        return nil
    }

    private static func bracketsBalance(_ text: String) -> Bool {
        var depth = 0, inBasic = false, inLiteral = false
        for c in text {
            if c == "\"" && !inLiteral { inBasic.toggle() }
            if c == "'" && !inBasic { inLiteral.toggle() }
            if inBasic || inLiteral { continue }
            if c == "[" { depth += 1 }
            if c == "]" { depth -= 1 }
        }
        return depth <= 0
    }
}

/// A TOML value as kiemke's config uses them.
enum TOMLValue: Equatable {
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    case array([TOMLValue])

    /// The TOML type's name, for "expected a string, found an integer" messages.
    var typeName: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a number"
        case .boolean: "true or false"
        case .array: "an array"
        }
    }
}

private struct ValueParser {
    var text: Substring
    let file: String
    let line: Int

    mutating func skipSpaces() {
        text = text.drop(while: { $0 == " " || $0 == "\t" })
    }

    mutating func parseValue() throws(ConfigError) -> TOMLValue {
        skipSpaces()
        guard let first = text.first else {
            throw .syntax(file: file, line: line, message: "a value is missing after =")
        }
        switch first {
        case "\"": return .string(try parseBasicString())
        case "'":
            text = text.dropFirst()
            guard let end = text.firstIndex(of: "'") else {
                throw .syntax(file: file, line: line, message: "a string is never closed (missing ')")
            }
            let value = String(text[..<end])
            text = text[text.index(after: end)...]
            return .string(value)
        case "[":
            text = text.dropFirst()
            var items: [TOMLValue] = []
            while true {
                skipSpaces()
                if text.first == "]" { text = text.dropFirst(); return .array(items) }
                items.append(try parseValue())
                skipSpaces()
                if text.first == "," { text = text.dropFirst(); continue }
                if text.first == "]" { text = text.dropFirst(); return .array(items) }
                throw .syntax(file: file, line: line, message: "expected , or ] in an array")
            }
        default:
            let token = text.prefix(while: { !($0 == "," || $0 == "]" || $0 == " " || $0 == "\t") })
            text = text.dropFirst(token.count)
            if token == "true" { return .boolean(true) }
            if token == "false" { return .boolean(false) }
            let digits = token.replacingOccurrences(of: "_", with: "")
            if let int = Int(digits) { return .integer(int) }
            if let double = Double(digits), digits.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) { return .float(double) }
            throw .syntax(file: file, line: line, message: "\"\(token)\" is not a value; put text in double quotes")
        }
    }

    private mutating func parseBasicString() throws(ConfigError) -> String {
        text = text.dropFirst()
        var value = ""
        while let c = text.first {
            text = text.dropFirst()
            switch c {
            case "\"": return value
            case "\\":
                guard let escape = text.first else { break }
                text = text.dropFirst()
                switch escape {
                case "n": value.append("\n")
                case "t": value.append("\t")
                case "\"": value.append("\"")
                case "\\": value.append("\\")
                case "u", "U":
                    let count = escape == "u" ? 4 : 8
                    let hex = text.prefix(count)
                    text = text.dropFirst(count)
                    guard hex.count == count, let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
                        throw .syntax(file: file, line: line, message: "bad \\\(escape) escape in a string")
                    }
                    value.unicodeScalars.append(scalar)
                default:
                    throw .syntax(file: file, line: line, message: "unknown escape \\\(escape) in a string (write \\\\ for a backslash)")
                }
            default: value.append(c)
            }
        }
        throw .syntax(file: file, line: line, message: "a string is never closed (missing \")")
    }
}
