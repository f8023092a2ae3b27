/// A share stated with what it is made of: the numerator and denominator travel with the percentage.
public struct Ratio: Sendable, Equatable {
    /// What was counted or measured (devices that answered, seconds up).
    public var numerator: Double
    /// What it is out of (devices with an address, seconds up or down); zero when there is nothing to divide by.
    public var denominator: Double
    /// The share in percent, or nil when the denominator leaves it undefined.
    public var percent: Double?

    public init(numerator: Double, denominator: Double, percent: Double?) {
        self.numerator = numerator
        self.denominator = denominator
        self.percent = percent
    }

    /// `part` of `whole` devices or people, in percent; nil when `whole` is zero.
    public init(count part: Int, of whole: Int) {
        self.init(numerator: Double(part), denominator: Double(whole),
                  percent: whole > 0 ? Double(part) * 100 / Double(whole) : nil)
    }

    /// Up time over up and down time, from a device's or a kind's seconds.
    public init(availability time: AvailabilityTotals) {
        self.init(numerator: time.up, denominator: time.up + time.down, percent: time.availability.map { $0 * 100 })
    }
}
