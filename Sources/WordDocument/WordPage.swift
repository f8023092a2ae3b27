/// Page size, margins and page numbers of the document's one section.
public struct WordPage: Sendable, Equatable {
    /// Twips from each edge to the text, and from the top edge to the header.
    public struct Margins: Sendable, Equatable {
        public var top: Int
        public var bottom: Int
        public var left: Int
        public var right: Int
        public var header: Int
        public var footer: Int

        public init(top: Int, bottom: Int, left: Int, right: Int, header: Int, footer: Int) {
            self.top = top
            self.bottom = bottom
            self.left = left
            self.right = right
            self.header = header
            self.footer = footer
        }
    }

    /// A page number in the header, centred, from the second page on (`w:titlePg` gives the
    /// first page a header of its own, without the number).
    public struct PageNumbers: Sendable, Equatable {
        /// The header paragraph's style id.
        public var style: String

        public init(style: String) {
            self.style = style
        }
    }

    /// Twips.
    public var width: Int
    public var height: Int
    public var margins: Margins
    public var pageNumbers: PageNumbers?

    public init(width: Int, height: Int, margins: Margins, pageNumbers: PageNumbers? = nil) {
        self.width = width
        self.height = height
        self.margins = margins
        self.pageNumbers = pageNumbers
    }

    /// The width between the left and right margins.
    public var textWidth: Int { width - margins.left - margins.right }
}
