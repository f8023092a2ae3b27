/// Writes a report document in one format.
public protocol ReportRenderer: Sendable {
    func render(_ document: ReportDocument) throws -> String
}

extension ReportText {
    /// The text with its figures written in `style`; a share with no percentage is "–".
    public func plain(_ style: NumberStyle) -> String {
        pieces.map { piece in
            switch piece {
            case .text(let text): text
            case .figure(.count(let n)): style.count(n)
            case .figure(.integer(let n)): style.grouped(n)
            case .figure(.percent(let ratio)): ratio.percent.map(style.percent) ?? "–"
            case .figure(.hours(let ratio)): style.hours(ratio.numerator, of: ratio.denominator)
            }
        }.joined()
    }
}
