/// The section as Markdown: a level-two heading, the prose, then after a rule the notes and the table of figures.
///
/// Every block is set apart by a blank line, so paragraphs render as paragraphs.
public struct ReportMarkdownRenderer: ReportRenderer {
    public init() {}

    public func render(_ document: ReportDocument) -> String {
        let style = NumberStyle(document.language)
        return document.sections.flatMap(\.blocks).map { block in
            switch block {
            case .heading(let text): "## " + text.plain(style) + "\n"
            case .paragraph(let text): text.plain(style) + "\n"
            case .list(let title, let items):
                (title.map { $0.plain(style) + "\n\n" } ?? "") + items.map { "- " + $0.plain(style) + "\n" }.joined()
            case .table(let table): Self.table(table, style: style)
            case .separator(let title): "---\n\n**" + title.plain(style) + "**\n"
            }
        }.joined(separator: "\n")
    }

    static func table(_ table: ReportTable, style: NumberStyle) -> String {
        func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |\n" }
        let rule = "|" + table.columns.map { $0.alignment == .trailing ? "---:" : "---" }.joined(separator: "|") + "|\n"
        return row(table.columns.map(\.title)) + rule + table.rows.map { row($0.map { $0.plain(style) }) }.joined()
    }
}
