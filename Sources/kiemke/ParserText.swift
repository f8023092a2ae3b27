import Agent
import Inventory
import Foundation

/// Help screens and usage errors in Vietnamese: the argument parser's text, rendered without
/// wrapping, translated with `HelpCatalogue`, then wrapped to the terminal again.
enum ParserText {
    /// A width no help line reaches, so that each help text stays on one line for the lookup.
    static let unwrapped = 100_000
    /// Where the argument parser starts the help of an option or subcommand row.
    static let helpColumn = 26

    /// `text` (rendered at `unwrapped` columns) in Vietnamese, wrapped to `columns`.
    static func vietnamese(_ text: String, columns: Int = terminalColumns()) -> String {
        let phrases = HelpCatalogue.phrases.sorted { $0.en.count > $1.en.count }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = String(line)
            for (en, vi) in phrases where line.contains(en) {
                line = line.replacingOccurrences(of: en, with: vi)
            }
            for (en, vi) in HelpCatalogue.parserWords where line.contains(en) {
                line = line.replacingOccurrences(of: en, with: vi)
            }
            // A usage error quotes why a value was refused, in the rules' English.
            if line.hasPrefix("Lỗi: ") { line = ProblemText.vietnamese(line) }
            return wrap(line, columns: columns)
        }.joined(separator: "\n")
    }

    /// Breaks a long line at spaces; continuation lines start under the help column of an
    /// option row ("  --db <db>     The database ...") or under the line's own indent.
    static func wrap(_ line: String, columns: Int) -> String {
        let characters = Array(line)
        guard characters.count > columns else { return line }
        let leading = characters.prefix { $0 == " " }.count
        // An option or subcommand row ("  --db <db>", two spaces in) has its help in the parser's
        // help column; anything else continues under its own indent.
        let indent = leading == 2 && helpColumn < columns / 2 ? helpColumn : leading
        var lines: [String] = []
        var current = ""
        for word in line.dropFirst(leading).split(separator: " ", omittingEmptySubsequences: false) {
            let prefix = lines.isEmpty && current.isEmpty ? String(repeating: " ", count: leading) : ""
            let candidate = current.isEmpty ? prefix + word : current + " " + word
            if candidate.count > columns, !current.trimmingCharacters(in: .whitespaces).isEmpty {
                lines.append(current)
                current = String(repeating: " ", count: indent) + word
            } else {
                current = candidate
            }
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }

    /// The terminal's width: COLUMNS, then the terminal's own, else 80.
    static func terminalColumns() -> Int {
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text), columns > 20 {
            return columns
        }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { return Int(size.ws_col) }
        return 80
    }
}
