/// A table of a report: a header and rows of texts, each column aligned.
public struct ReportTable: Sendable, Equatable {
    /// How a column's cells line up.
    public enum Alignment: Sendable, Equatable {
        case leading, trailing
    }

    /// One column: its heading and alignment.
    public struct Column: Sendable, Equatable {
        public var title: String
        public var alignment: Alignment

        public init(_ title: String, _ alignment: Alignment = .leading) {
            self.title = title
            self.alignment = alignment
        }
    }

    public var columns: [Column]
    public var rows: [[ReportText]]

    public init(columns: [Column], rows: [[ReportText]] = []) {
        self.columns = columns
        self.rows = rows
    }
}
