import Foundation

/// A Word document (.docx) of one section: its body, styles, lists, page setup and properties.
///
/// `data()` writes the WordprocessingML parts with every element's children in the order
/// ECMA-376 requires (Word drops or refuses properties out of order; LibreOffice forgives them)
/// and zips them into the Open Packaging Conventions container.
public struct WordFile: Sendable, Equatable {
    public var body: [WordBlock]
    /// Paragraph styles; "Normal" is the default paragraph style and should be among them.
    public var styles: [WordStyle]
    /// What every run starts from (`w:docDefaults/w:rPrDefault`).
    public var defaultRun: WordRunFormat
    /// Lists paragraphs can join, by index (`WordParagraphFormat.list`).
    public var lists: [WordList]
    public var page: WordPage
    public var metadata: WordMetadata

    public init(body: [WordBlock], styles: [WordStyle], defaultRun: WordRunFormat, lists: [WordList] = [],
                page: WordPage, metadata: WordMetadata) {
        self.body = body
        self.styles = styles
        self.defaultRun = defaultRun
        self.lists = lists
        self.page = page
        self.metadata = metadata
    }

    /// The package's parts: path inside the ZIP and contents, [Content_Types].xml first.
    public func parts() -> [(path: String, xml: String)] {
        var parts: [(path: String, xml: String)] = [
            ("[Content_Types].xml", contentTypesPart()),
            ("_rels/.rels", packageRelationshipsPart()),
            ("docProps/core.xml", corePropertiesPart()),
            ("docProps/app.xml", appPropertiesPart()),
            ("word/document.xml", documentPart()),
            ("word/_rels/document.xml.rels", documentRelationshipsPart()),
            ("word/styles.xml", stylesPart()),
            ("word/settings.xml", settingsPart()),
        ]
        if !lists.isEmpty { parts.append(("word/numbering.xml", numberingPart())) }
        if let numbers = page.pageNumbers {
            parts.append(("word/\(Self.pageNumberHeader)", headerPart(numbered: true, style: numbers.style)))
            parts.append(("word/\(Self.firstPageHeader)", headerPart(numbered: false, style: numbers.style)))
        }
        return parts
    }

    /// The .docx file's bytes.
    public func data() throws(WordFileError) -> Data {
        try Self.zip(parts(), date: metadata.created)
    }

    /// Header parts' file names.
    static let pageNumberHeader = "header1.xml"
    static let firstPageHeader = "header2.xml"
}
