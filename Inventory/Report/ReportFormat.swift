/// The forms `kiemke report --format` writes.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// Prose to paste into Word.
    case text
    case markdown
    /// The figures with numerators and denominators, for other programs.
    case json
    /// One row per device, for a spreadsheet.
    case csv

    /// The renderer that writes this form.
    public var renderer: any ReportRenderer {
        switch self {
        case .text: ReportTextRenderer()
        case .markdown: ReportMarkdownRenderer()
        case .json: ReportJSONRenderer()
        case .csv: ReportCSVRenderer()
        }
    }
}
