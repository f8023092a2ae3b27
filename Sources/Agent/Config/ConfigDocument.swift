import TOMLKit

/// A config file's keys with their values and lines: TOMLKit parses, `TOMLKeyLines` places.
///
/// TOMLKit (toml++) checks the whole TOML grammar and gives the line of a syntax error, but its
/// values carry no source position; kiemke's messages name the line of every key, so the lines
/// come from `TOMLKeyLines`, a small index of where each key and table header stands.
enum ConfigDocument {
    /// No config is near this size; a larger file is a mistake, not a config to parse.
    static let maximumSize = 1 << 20
    /// Arrays and inline tables nested deeper than this are refused before TOMLKit sees them
    /// (`TOMLPrecheck`): the parsers recurse once per level, and a SIGHUP reload parses on a
    /// task's small stack. kiemke's keys nest at most 2.
    static let maximumDepth = 32

    /// Every key of `text` that holds a value (tables are walked into), in the order of the file.
    static func entries(of text: String, file: String) throws(ConfigError) -> [ConfigEntry] {
        guard text.utf8.count <= maximumSize else {
            throw .syntax(file: file, line: 1, message: "the file is larger than \(maximumSize / 1024) KB; this is not a kiemke config")
        }
        // CRLF (Windows Notepad) is valid TOML. As Swift characters "\r\n" is one grapheme, so
        // line-by-line code would see a CRLF file as one line: make every line end "\n" first.
        let text = text.replacingOccurrences(of: "\r\n", with: "\n")
        try TOMLPrecheck.check(text, maximumDepth: maximumDepth, file: file)
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let line = max(1, error.source.begin.line)
            // toml++ says "could not determine value type" for unquoted text, the usual slip.
            let hint = error.description.contains("value type") ? "; put text in double quotes" : ""
            throw .syntax(file: file, line: line, message: SecretScrubber(text).message(error.description, line: line) + hint)
        } catch {
            throw .syntax(file: file, line: 1, message: "the file is not valid TOML")
        }
        let lines = TOMLKeyLines(text)
        var values: [([String], ConfigValue)] = []
        flatten(table, prefix: [], into: &values)
        return values
            .map { path, value in
                ConfigEntry(path: path.joined(separator: "."), value: value, file: file, line: lines.line(of: path))
            }
            .sorted { ($0.line, $0.path) < ($1.line, $1.path) }
    }

    private static func flatten(_ table: TOMLTable, prefix: [String], into values: inout [([String], ConfigValue)]) {
        for (key, value) in table {
            if value.type == .table, let inner = value.table {
                flatten(inner, prefix: prefix + [key], into: &values)
            } else {
                values.append((prefix + [key], convert(value)))
            }
        }
    }

    private static func convert(_ value: any TOMLValueConvertible) -> ConfigValue {
        switch value.type {
        case .string: value.string.map(ConfigValue.string) ?? .other(typeName: "a string")
        case .int: value.int.map(ConfigValue.integer) ?? .other(typeName: "an integer")
        case .double: value.double.map(ConfigValue.float) ?? .other(typeName: "a number")
        case .bool: value.bool.map(ConfigValue.boolean) ?? .other(typeName: "true or false")
        case .array: value.array.map { .array($0.map(convert)) } ?? .other(typeName: "an array")
        case .table: .other(typeName: "a table")
        case .date: .other(typeName: "a date (write it in quotes, \"YYYY-MM-DD\")")
        case .time: .other(typeName: "a time")
        case .dateTime: .other(typeName: "a date and time")
        }
    }
}
