/// One block of a report: what a word processor would call a heading, a paragraph, a list or a table.
public enum ReportBlock: Sendable, Equatable {
    case heading(ReportText)
    case paragraph(ReportText)
    /// Items under an optional title line ("Thiết bị hỏng, xuống cấp:").
    case list(title: ReportText?, items: [ReportText])
    case table(ReportTable)
    /// Where the text to paste ends and the notes for the person making the report begin.
    case separator(ReportText)
}
