import Foundation

/// Lays out rows as left-aligned columns for a terminal, measuring width in characters, not bytes;
/// control characters in cells are shown escaped.
public struct TextTable: Sendable {
    public var header: [String]
    public var rows: [[String]] = []

    public init(header: [String]) {
        self.header = header
    }

    /// Adds a row; a line break inside a cell (a note typed on two lines) is shown as " / ",
    /// so that one device stays on one line.
    public mutating func append(_ row: [String]) {
        rows.append(row.map(Self.oneLine))
    }

    /// `cell` on one line: each line break (CRLF, LF, CR, U+2028) becomes " / ".
    public static func oneLine(_ cell: String) -> String {
        guard cell.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\u{2028}" }) else { return cell }
        let lines = cell.replacingOccurrences(of: "\r\n", with: "\n")
            .split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\u{2028}" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return lines.joined(separator: " / ")
    }

    /// The table as text, one line per row, columns separated by two spaces.
    ///
    /// Cells are escaped (`TerminalText`) before they are measured: they hold names, notes and
    /// what devices say about themselves, and a control character would reach the terminal.
    public func render() -> String {
        let all = ([header] + rows).map { $0.map { TerminalText.escaped($0) } }
        let columns = header.count
        var widths = [Int](repeating: 0, count: columns)
        for row in all {
            for (i, cell) in row.prefix(columns).enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        return all.map { row in
            row.prefix(columns).enumerated().map { i, cell in
                i == columns - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n") + "\n"
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
