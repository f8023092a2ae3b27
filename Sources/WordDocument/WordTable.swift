/// A table on a fixed grid of columns.
public struct WordTable: Sendable, Equatable {
    /// One cell: its paragraphs (an empty cell still holds one, as the schema requires).
    public struct Cell: Sendable, Equatable {
        public enum VerticalAlignment: String, Sendable, Equatable {
            case top, center, bottom
        }

        public var paragraphs: [WordParagraph]
        public var verticalAlignment: VerticalAlignment?

        public init(_ paragraphs: [WordParagraph], verticalAlignment: VerticalAlignment? = nil) {
            self.paragraphs = paragraphs
            self.verticalAlignment = verticalAlignment
        }
    }

    /// One row of cells, one per column.
    public struct Row: Sendable, Equatable {
        public var cells: [Cell]
        /// Repeated at the top of every page the table runs onto (`w:tblHeader`).
        public var isHeader: Bool

        public init(_ cells: [Cell], isHeader: Bool = false) {
            self.cells = cells
            self.isHeader = isHeader
        }
    }

    /// Column widths in twips; the table is as wide as their sum.
    public var columnWidths: [Int]
    /// Single lines around and between all cells, or none (a layout table).
    public var hasBorders: Bool
    public var rows: [Row]

    public init(columnWidths: [Int], hasBorders: Bool = true, rows: [Row] = []) {
        self.columnWidths = columnWidths
        self.hasBorders = hasBorders
        self.rows = rows
    }
}
