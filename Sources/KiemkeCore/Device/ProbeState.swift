/// What the daemon concluded about a device from its probes.
public enum ProbeState: String, Codable, Sendable, CaseIterable {
    /// Answered its latest probe.
    case up
    /// Failed enough consecutive probes inside its schedule.
    case down
    /// Silent outside office hours: expected, not an outage.
    case off
    /// Silent since it was first probed, but not yet for `down_after` probes in a row.
    case unknown
}
