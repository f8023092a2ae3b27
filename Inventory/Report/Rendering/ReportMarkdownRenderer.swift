/// The section as Markdown: a level-two heading, the prose, then after a rule the notes and the table of figures.
///
/// Every block is set apart by a blank line, so paragraphs render as paragraphs.
///
/// Every text is escaped (`escaped`): names and notes are typed by people and device strings
/// come from devices, and Markdown passes HTML through, so "<script>" would run where the
/// Markdown is shown.
public struct ReportMarkdownRenderer: ReportRenderer {
    public init() {}

    public func render(_ document: ReportDocument) -> String {
        let style = NumberStyle(document.language)
        func text(_ t: ReportText) -> String { Self.escaped(t.plain(style)) }
        return document.sections.flatMap(\.blocks).map { block in
            switch block {
            case .heading(let t): "## " + text(t) + "\n"
            case .paragraph(let t): text(t) + "\n"
            case .list(let title, let items):
                (title.map { text($0) + "\n\n" } ?? "") + items.map { "- " + text($0) + "\n" }.joined()
            case .table(let table): Self.table(table, style: style)
            case .separator(let title): "---\n\n**" + text(title) + "**\n"
            }
        }.joined(separator: "\n")
    }

    static func table(_ table: ReportTable, style: NumberStyle) -> String {
        func row(_ cells: [String]) -> String {
            "| " + cells.map { escaped($0, keepingLineBreaks: false).replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n"
        }
        let rule = "|" + table.columns.map { $0.alignment == .trailing ? "---:" : "---" }.joined(separator: "|") + "|\n"
        return row(table.columns.map(\.title)) + rule + table.rows.map { row($0.map { $0.plain(style) }) }.joined()
    }

    /// `text` safe in Markdown: "&", "<" and ">" as HTML entities, control characters escaped
    /// (line breaks too, for a table cell, with `keepingLineBreaks: false`).
    public static func escaped(_ text: String, keepingLineBreaks: Bool = true) -> String {
        var out = ""
        for c in TerminalText.escaped(text, keepingLineBreaks: keepingLineBreaks) {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(c)
            }
        }
        return out
    }
}
