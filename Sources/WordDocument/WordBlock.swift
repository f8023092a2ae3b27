/// What a document's body is made of.
public enum WordBlock: Sendable, Equatable {
    case paragraph(WordParagraph)
    case table(WordTable)
}
