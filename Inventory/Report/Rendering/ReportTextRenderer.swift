/// Prose to paste into the Word report: blocks apart by a blank line; tables left out, as the prose states their figures.
///
/// What follows the separator (notes, equipment to look at) is for the person making the report, not for pasting.
public struct ReportTextRenderer: ReportRenderer {
    public init() {}

    /// The line that sets the notes apart from the text to paste.
    static let rule = String(repeating: "-", count: 60)

    public func render(_ document: ReportDocument) -> String {
        let style = NumberStyle(document.language)
        // Names, notes and device strings are in the prose: no control character reaches the terminal.
        return TerminalText.escaped(rendered(document, style: style), keepingLineBreaks: true)
    }

    private func rendered(_ document: ReportDocument, style: NumberStyle) -> String {
        document.sections.flatMap(\.blocks).compactMap { block -> String? in
            switch block {
            case .heading(let text), .paragraph(let text): text.plain(style) + "\n"
            case .list(let title, let items): ReportTextRenderer.list(title: title, items: items, style: style)
            case .table: nil
            case .separator(let title): Self.rule + "\n" + title.plain(style) + "\n" + Self.rule + "\n"
            }
        }.joined(separator: "\n")
    }

    /// A list as lines: its title, then "- item" per item.
    static func list(title: ReportText?, items: [ReportText], style: NumberStyle) -> String {
        (title.map { $0.plain(style) + "\n" } ?? "") + items.map { "- " + $0.plain(style) + "\n" }.joined()
    }
}
