/// Character formatting (`w:rPr`): font, weight, slant, size, language. Nil leaves the style's value.
public struct WordRunFormat: Sendable, Equatable {
    /// One font for every script (`w:rFonts` ascii, hAnsi, cs, eastAsia).
    public var font: String?
    public var bold: Bool?
    public var italic: Bool?
    /// Size in points; written as half-points (`w:sz`, `w:szCs`).
    public var size: Double?
    public var underline: Bool?
    /// A BCP 47 tag for spelling and hyphenation ("vi-VN").
    public var language: String?

    public init(font: String? = nil, bold: Bool? = nil, italic: Bool? = nil, size: Double? = nil,
                underline: Bool? = nil, language: String? = nil) {
        self.font = font
        self.bold = bold
        self.italic = italic
        self.size = size
        self.underline = underline
        self.language = language
    }

    /// Whether nothing is set, so no `w:rPr` needs writing.
    public var isEmpty: Bool { self == WordRunFormat() }
}
