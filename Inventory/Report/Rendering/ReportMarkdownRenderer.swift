/// The section as Markdown: a level-two heading, the prose, and the table of figures.
public struct ReportMarkdownRenderer: ReportRenderer {
    public init() {}

    public func render(_ document: ReportDocument) -> String {
        let style = NumberStyle(document.language)
        return document.sections.map { section in
            section.blocks.map { block in
                switch block {
                case .heading(let text): "## " + text.plain(style) + "\n"
                case .paragraph(let text): text.plain(style) + "\n"
                case .list(let title, let items): ReportTextRenderer.list(title: title, items: items, style: style)
                case .table(let table): Self.table(table, style: style)
                }
            }.joined()
        }.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    static func table(_ table: ReportTable, style: NumberStyle) -> String {
        func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |\n" }
        let rule = "|" + table.columns.map { $0.alignment == .trailing ? "---:" : "---" }.joined(separator: "|") + "|\n"
        return row(table.columns.map(\.title)) + rule + table.rows.map { row($0.map { $0.plain(style) }) }.joined()
    }
}
