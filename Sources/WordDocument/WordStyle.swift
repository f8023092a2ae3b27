/// A paragraph style (`w:style w:type="paragraph"`): the formatting paragraphs name by id.
public struct WordStyle: Sendable, Equatable {
    /// What paragraphs write in `w:pStyle`.
    public var id: String
    /// What Word shows in its style list.
    public var name: String
    public var basedOn: String?
    /// The style of the paragraph that follows when typing Enter in Word.
    public var next: String?
    public var paragraph: WordParagraphFormat
    public var run: WordRunFormat

    public init(id: String, name: String, basedOn: String? = nil, next: String? = nil,
                paragraph: WordParagraphFormat = WordParagraphFormat(), run: WordRunFormat = WordRunFormat()) {
        self.id = id
        self.name = name
        self.basedOn = basedOn
        self.next = next
        self.paragraph = paragraph
        self.run = run
    }
}
