/// What one device's TCP ports did during a probe.
public struct TCPResult: Sendable, Codable, Equatable {
    /// Whether the host answered on any port, by accepting or by refusing the connection.
    public var up: Bool
    /// The port that answered: one that accepted if any did, otherwise one that refused.
    public var port: UInt16?
    /// True when the host answered only with refusals (it is up; the ports are closed).
    public var refused: Bool
    /// Connect round-trip time on `port`, in milliseconds.
    public var rttMs: Double?
    /// Why the host is down: "timeout", "host unreachable", "no route", …; nil when up.
    public var reason: String?

    /// A result as the prober reports it.
    public init(up: Bool, port: UInt16?, refused: Bool, rttMs: Double?, reason: String?) {
        self.up = up
        self.port = port
        self.refused = refused
        self.rttMs = rttMs
        self.reason = reason
    }
}
