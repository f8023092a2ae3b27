/// Spreads packets over time so a sweep never sends faster than its configured rate.
///
/// Each caller reserves a slot for its packets: the slots follow one another at `1/rate` per packet,
/// so callers running side by side (TCP chunks, SNMP GETs) share one budget.
actor Pacer {
    private let secondsPerPacket: Double
    private let clock = ContinuousClock()
    private var next: ContinuousClock.Instant
    /// Packets reserved so far, for the sweep's report.
    private(set) var packets = 0

    init(packetsPerSecond: Int) {
        secondsPerPacket = 1 / Double(max(1, packetsPerSecond))
        next = clock.now
    }

    /// Waits until `count` more packets may go out.
    func reserve(_ count: Int) async {
        let now = clock.now
        let start = max(now, next)
        next = start + .seconds(secondsPerPacket * Double(count))
        packets += count
        if start > now { try? await Task.sleep(until: start, clock: clock) }
    }

    /// Counts packets sent by a part that paces itself (the pinger).
    func count(_ extra: Int) { packets += extra }
}
