/// A run of text with one formatting; line breaks and tabs in the text become `w:br` and `w:tab`.
public struct WordRun: Sendable, Equatable {
    public var text: String
    public var format: WordRunFormat

    public init(_ text: String, _ format: WordRunFormat = WordRunFormat()) {
        self.text = text
        self.format = format
    }
}
