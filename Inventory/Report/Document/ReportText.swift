/// A run of words and figures: a heading, a paragraph, a list item or a table cell.
///
/// Built by interpolation, so phrases read as sentences: `"\(.percent(r)) of computers"`.
public struct ReportText: Sendable, Equatable, ExpressibleByStringInterpolation {
    /// One piece of the run.
    public enum Piece: Sendable, Equatable {
        case text(String)
        case figure(Figure)
    }

    public var pieces: [Piece]

    public init(_ pieces: [Piece] = []) {
        self.pieces = pieces
    }

    public init(stringLiteral value: String) {
        pieces = value.isEmpty ? [] : [.text(value)]
    }

    public init(stringInterpolation: Interpolation) {
        pieces = stringInterpolation.pieces
    }

    /// Builds a `ReportText` from a literal with figures and texts interpolated.
    public struct Interpolation: StringInterpolationProtocol {
        var pieces: [Piece] = []

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) {
            if !literal.isEmpty { pieces.append(.text(literal)) }
        }

        public mutating func appendInterpolation(_ figure: Figure) {
            pieces.append(.figure(figure))
        }

        public mutating func appendInterpolation(_ text: String) {
            appendLiteral(text)
        }

        public mutating func appendInterpolation(_ text: ReportText) {
            pieces += text.pieces
        }
    }

    /// Every figure in the run, in order.
    public var figures: [Figure] {
        pieces.compactMap { if case .figure(let figure) = $0 { figure } else { nil } }
    }

    public static func + (lhs: ReportText, rhs: ReportText) -> ReportText {
        ReportText(lhs.pieces + rhs.pieces)
    }

    public static func += (lhs: inout ReportText, rhs: ReportText) {
        lhs.pieces += rhs.pieces
    }
}

extension Array where Element == ReportText {
    /// The texts one after another with `separator` between them.
    public func joined(separator: ReportText) -> ReportText {
        var out = ReportText()
        for (i, text) in enumerated() {
            if i > 0 { out += separator }
            out += text
        }
        return out
    }
}
