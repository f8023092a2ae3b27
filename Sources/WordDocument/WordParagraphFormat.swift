/// Paragraph formatting (`w:pPr`): keeping, list membership, rules, spacing, indents, alignment.
/// Nil leaves the style's value.
public struct WordParagraphFormat: Sendable, Equatable {
    /// How a paragraph's lines line up (`w:jc`).
    public enum Alignment: String, Sendable, Equatable {
        case left, center, right
        /// Justified on both sides.
        case both
    }

    /// Space around and between lines (`w:spacing`).
    public struct Spacing: Sendable, Equatable {
        /// Twips before and after the paragraph.
        public var before: Int
        public var after: Int
        /// Line spacing as a multiple of single (1, 1.15, 1.5), written in 240ths (`w:lineRule="auto"`).
        public var line: Double

        public init(before: Int = 0, after: Int = 0, line: Double = 1) {
            self.before = before
            self.after = after
            self.line = line
        }
    }

    /// Indents in twips (`w:ind`); a negative first line is written as a hanging indent.
    public struct Indentation: Sendable, Equatable {
        public var left: Int
        public var right: Int
        public var firstLine: Int

        public init(left: Int = 0, right: Int = 0, firstLine: Int = 0) {
            self.left = left
            self.right = right
            self.firstLine = firstLine
        }
    }

    /// A solid rule drawn at the paragraph's top edge (`w:pBdr/w:top`), as wide as the paragraph between its indents.
    public struct Rule: Sendable, Equatable {
        /// Thickness in eighths of a point.
        public var width: Int

        public init(width: Int = 6) {
            self.width = width
        }
    }

    /// Keep on the same page as the next paragraph (a heading with its first line).
    public var keepNext: Bool?
    /// Keep the paragraph's lines on one page.
    public var keepLines: Bool?
    /// Level 0 of a list defined in `WordFile.lists`, by its index (`w:numPr`).
    public var list: Int?
    public var rule: Rule?
    public var spacing: Spacing?
    public var indentation: Indentation?
    public var alignment: Alignment?
    /// Outline level 0...8 for the navigation pane and a table of contents (`w:outlineLvl`).
    public var outlineLevel: Int?

    public init(keepNext: Bool? = nil, keepLines: Bool? = nil, list: Int? = nil, rule: Rule? = nil, spacing: Spacing? = nil,
                indentation: Indentation? = nil, alignment: Alignment? = nil, outlineLevel: Int? = nil) {
        self.keepNext = keepNext
        self.keepLines = keepLines
        self.list = list
        self.rule = rule
        self.spacing = spacing
        self.indentation = indentation
        self.alignment = alignment
        self.outlineLevel = outlineLevel
    }

    /// Whether nothing is set.
    public var isEmpty: Bool { self == WordParagraphFormat() }
}
