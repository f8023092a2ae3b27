import Foundation
import GRDB
import KiemkeCore

/// The daemon's running knowledge of one device: its state, since when, and what its last probe saw.
public struct DeviceState: Codable, Sendable, Equatable {
    public var deviceId: Int64
    public var state: ProbeState
    /// When the device entered `state` (back-dated to the first failure for `down`).
    public var since: Date
    public var lastProbe: Date
    /// Whether the latest probe got an answer.
    public var lastUp: Bool
    public var lastAnsweredBy: String
    public var lastRttMs: Double?
    public var lastError: String?
    /// Consecutive failed probes inside the schedule.
    public var failures: Int
    /// The first failure of a run that has not yet reached `down_after`.
    public var firstFailureAt: Date?
    /// Start of time not yet credited to up or down, held while failures are pending.
    public var pendingFrom: Date?
    /// The last SNMP facts read (JSON), kept so status and report need not search observations.
    public var lastFacts: String?
    public var lastFactsAt: Date?
}

extension DeviceState: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "deviceState"
}

/// A change of a device's probe state, as `history` shows it.
public struct StateChange: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var deviceId: Int64
    public var time: Date
    public var from: ProbeState?
    public var to: ProbeState
    public var reason: String

    public init(id: Int64? = nil, deviceId: Int64, time: Date, from: ProbeState?, to: ProbeState, reason: String) {
        self.id = id
        self.deviceId = deviceId
        self.time = time
        self.from = from
        self.to = to
        self.reason = reason
    }
}

extension StateChange: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "stateChange"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
