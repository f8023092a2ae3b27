/// How far a sweep is, for a progress bar: addresses done, found so far, time left.
public struct SweepProgress: Sendable, Equatable {
    public var done: Int
    public var total: Int
    public var found: Int
    /// Seconds left, estimated from the packets still to send at the configured rate.
    public var secondsLeft: Double

    public init(done: Int, total: Int, found: Int, secondsLeft: Double) {
        self.done = done
        self.total = total
        self.found = found
        self.secondsLeft = secondsLeft
    }
}
