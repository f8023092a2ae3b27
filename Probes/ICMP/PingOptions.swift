/// How a `Pinger` sweeps: per-try timeout, tries per target, send pace and socket choice.
public struct PingOptions: Sendable, Equatable {
    /// How long to wait for a reply to each echo request before the next try.
    public var timeout: Duration
    /// Echo requests per target at most; a target is up on any reply, so one lost packet does not make it down.
    public var tries: Int
    /// Echo requests sent per second across all targets, so a /22 neither bursts nor overflows buffers.
    public var packetsPerSecond: Int
    /// Which socket kind to open.
    public var mode: PingMode
    /// Receive buffer requested for each socket, in bytes (forced past `rmem_max` when root).
    public var receiveBuffer: Int

    /// Defaults: 1 s timeout, 3 tries, 1,000 packets/s, automatic socket, 4 MiB receive buffer.
    public init(timeout: Duration = .seconds(1), tries: Int = 3, packetsPerSecond: Int = 1_000,
                mode: PingMode = .automatic, receiveBuffer: Int = 4 << 20) {
        self.timeout = timeout
        self.tries = tries
        self.packetsPerSecond = packetsPerSecond
        self.mode = mode
        self.receiveBuffer = receiveBuffer
    }
}
