/// A number in a report's words, kept as a number so every format can write it its own way.
public enum Figure: Sendable, Equatable {
    /// A count of devices or people, in the language's count style ("02" in Vietnamese; zero is "0").
    case count(Int)
    /// An integer written with thousands grouped ("1.144"); a numerator or denominator.
    case integer(Int)
    /// A share, with its numerator and denominator; written as its percentage.
    case percent(Ratio)
    /// A share of time, written as its part and whole in hours ("1.150/1.200 giờ").
    case hours(Ratio)
}
