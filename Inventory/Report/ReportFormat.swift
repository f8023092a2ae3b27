/// The forms `kiemke report --format` writes.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// Prose to paste into Word.
    case text
    case markdown
    /// The figures with numerators and denominators, for other programs.
    case json
    /// One row per device, for a spreadsheet.
    case csv
    /// A Word document: a ZIP archive, so it is written to a file, never printed, and rendered by a
    /// writer outside Inventory (which links no ZIP library).
    case docx

    /// Whether the form is text to print; a binary form is only written to a file.
    public var isText: Bool { renderer != nil }

    /// The renderer that writes this form as text; nil for DOCX, which the program renders with its Word writer.
    public var renderer: (any ReportRenderer)? {
        switch self {
        case .text: ReportTextRenderer()
        case .markdown: ReportMarkdownRenderer()
        case .json: ReportJSONRenderer()
        case .csv: ReportCSVRenderer()
        case .docx: nil
        }
    }

    /// Asked to render a binary form as text.
    public struct NotText: Error, CustomStringConvertible {
        public var format: ReportFormat
        public var description: String { "the \(format.rawValue) form is a binary file, not text: write it to a file" }
    }
}
