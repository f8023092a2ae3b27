/// A number in a report's words, kept as a number so every format can write it its own way.
public enum Figure: Sendable, Equatable {
    /// A count of devices or people, in the language's count style ("02" in Vietnamese).
    case count(Int)
    /// An integer written as is, without grouping ("1144").
    case integer(Int)
    /// A share, with its numerator and denominator; written as its percentage.
    case percent(Ratio)
}
