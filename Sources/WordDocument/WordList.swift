/// A one-level bulleted list (`w:abstractNum` and its `w:num` in numbering.xml).
public struct WordList: Sendable, Equatable {
    /// What starts each item ("-", "•").
    public var marker: String
    /// The item paragraphs' indents: the marker sits at the first line.
    public var indentation: WordParagraphFormat.Indentation
    /// The marker's own formatting (it takes the paragraph's otherwise).
    public var markerFormat: WordRunFormat

    public init(marker: String, indentation: WordParagraphFormat.Indentation, markerFormat: WordRunFormat = WordRunFormat()) {
        self.marker = marker
        self.indentation = indentation
        self.markerFormat = markerFormat
    }
}
