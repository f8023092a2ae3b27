/// What one target did during a sweep.
public struct PingResult: Sendable, Codable, Equatable {
    /// Whether any echo request was answered.
    public var up: Bool
    /// Round-trip time of the first answered request, in milliseconds.
    public var rttMs: Double?
    /// Why the target is down: "timeout", "host unreachable", "no route", "prohibited", …; nil when up.
    public var reason: String?
    /// Echo requests sent.
    public var sent: Int
    /// Echo replies received.
    public var received: Int

    /// A result as the sweep reports it.
    public init(up: Bool, rttMs: Double?, reason: String?, sent: Int, received: Int) {
        self.up = up
        self.rttMs = rttMs
        self.reason = reason
        self.sent = sent
        self.received = received
    }
}
