/// What recording one batch of probe results changed.
public struct RecordSummary: Sendable, Equatable {
    public var observations = 0
    public var up = 0
    public var down = 0
    public var off = 0
    /// State changes, with the device's name, for the daemon's log.
    public var changes: [(name: String, change: StateChange)] = []

    public init() {}

    public static func == (lhs: RecordSummary, rhs: RecordSummary) -> Bool {
        lhs.observations == rhs.observations && lhs.up == rhs.up && lhs.down == rhs.down && lhs.off == rhs.off
            && lhs.changes.map(\.change) == rhs.changes.map(\.change)
    }
}
