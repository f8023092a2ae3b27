/// A paragraph: a style, direct formatting over it, and runs of text.
public struct WordParagraph: Sendable, Equatable {
    /// The id of a style in `WordFile.styles`; nil for the default paragraph style.
    public var style: String?
    public var format: WordParagraphFormat
    /// Formatting of the paragraph mark, which sets an empty paragraph's height.
    public var markFormat: WordRunFormat
    public var runs: [WordRun]

    public init(style: String? = nil, format: WordParagraphFormat = WordParagraphFormat(), markFormat: WordRunFormat = WordRunFormat(),
                runs: [WordRun] = []) {
        self.style = style
        self.format = format
        self.markFormat = markFormat
        self.runs = runs
    }

    /// A paragraph of one plain run.
    public init(style: String? = nil, _ text: String, format: WordParagraphFormat = WordParagraphFormat()) {
        self.init(style: style, format: format, runs: text.isEmpty ? [] : [WordRun(text)])
    }
}
