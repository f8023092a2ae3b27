import Foundation

/// One batch of the store's data for the province, read in one transaction: the rows of every
/// entry the change log names after a cursor, plus state changes and observation summaries after
/// theirs. Rows are JSON objects whose keys are the province's column names, their values as the
/// store keeps them (times as GRDB's UTC text), so the central copy decodes to the same values.
public struct SyncBatch: Sendable {
    /// A row, column name to value.
    public typealias Record = [String: JSONValue]

    /// Devices whose own fields changed.
    public var devices: [Record] = []
    /// Devices whose marks changed: the province replaces all of their marks by `marks`.
    public var markedDevices: [String] = []
    public var marks: [Record] = []
    /// Devices' current probe states.
    public var states: [Record] = []
    public var stateChanges: [Record] = []
    /// Daily availability; those of devices marked broken with the day's hourly rows in `hours` (a
    /// JSON array of [hour, up, down, off, broken]), which the report needs to move time inside a
    /// broken mark to broken.
    public var days: [Record] = []
    /// For each UTC hour of the days in `days`: the most seconds any device was observed in it
    /// ({hour, observed}), which says how much of that hour kiemke was running.
    public var hourCoverage: [Record] = []
    /// Per device and local day: first and last observation, whether any answered, whether any measured.
    public var observationDays: [Record] = []
    /// The cursor to acknowledge once the province committed this batch.
    public var next: SyncCursor
    /// Change-log entries, state changes and observations this batch covers.
    public var changeCount = 0
    public var stateChangeCount = 0
    public var observationCount = 0

    public init(next: SyncCursor) {
        self.next = next
    }

    /// Whether the batch carries nothing (everything was already acknowledged).
    public var isEmpty: Bool { changeCount == 0 && stateChangeCount == 0 && observationCount == 0 }
}
