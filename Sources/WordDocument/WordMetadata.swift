import Foundation

/// The file's properties (docProps/core.xml and app.xml): title, author, language, dates.
public struct WordMetadata: Sendable, Equatable {
    public var title: String
    public var creator: String
    /// A BCP 47 tag ("vi-VN").
    public var language: String
    /// When the document was made; also each ZIP entry's date, so one document gives one file.
    public var created: Date
    /// The program that wrote the file.
    public var application: String

    public init(title: String, creator: String, language: String, created: Date, application: String) {
        self.title = title
        self.creator = creator
        self.language = language
        self.created = created
        self.application = application
    }
}
