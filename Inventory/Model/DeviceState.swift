import Foundation
import GRDB
import KiemkeCore

/// The daemon's running knowledge of one device: its state, since when, and what its last probe saw.
public struct DeviceState: Sendable, Equatable {
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
    /// The last SNMP facts read, kept so status and report need not search observations; nil also
    /// when the stored facts cannot be read (that is logged).
    public var lastFacts: DeviceFacts?
    public var lastFactsAt: Date?

    public init(deviceId: Int64, state: ProbeState, since: Date, lastProbe: Date, lastUp: Bool,
                lastAnsweredBy: String = "", lastRttMs: Double? = nil, lastError: String? = nil, failures: Int = 0,
                firstFailureAt: Date? = nil, pendingFrom: Date? = nil, lastFacts: DeviceFacts? = nil,
                lastFactsAt: Date? = nil) {
        self.deviceId = deviceId
        self.state = state
        self.since = since
        self.lastProbe = lastProbe
        self.lastUp = lastUp
        self.lastAnsweredBy = lastAnsweredBy
        self.lastRttMs = lastRttMs
        self.lastError = lastError
        self.failures = failures
        self.firstFailureAt = firstFailureAt
        self.pendingFrom = pendingFrom
        self.lastFacts = lastFacts
        self.lastFactsAt = lastFactsAt
    }

    /// The part of the state the up/down rules work on.
    public var machine: ProbeStateMachine {
        get {
            ProbeStateMachine(state: state, since: since, lastProbe: lastProbe, failures: failures,
                              firstFailureAt: firstFailureAt, pendingFrom: pendingFrom)
        }
        set {
            state = newValue.state
            since = newValue.since
            lastProbe = newValue.lastProbe
            failures = newValue.failures
            firstFailureAt = newValue.firstFailureAt
            pendingFrom = newValue.pendingFrom
        }
    }
}

// Written by hand rather than through Codable: the facts column holds `StoredFacts`, the
// store's own versioned format, not Probes' `DeviceFacts`.
extension DeviceState: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "deviceState"

    public init(row: Row) throws {
        let stateText: String = row["state"]
        guard let state = ProbeState(rawValue: stateText) else {
            throw StoredValueError(table: Self.databaseTableName, column: "state", value: stateText)
        }
        let deviceId: Int64 = row["deviceId"]
        self.init(deviceId: deviceId, state: state, since: row["since"], lastProbe: row["lastProbe"],
                  lastUp: row["lastUp"], lastAnsweredBy: row["lastAnsweredBy"], lastRttMs: row["lastRttMs"],
                  lastError: row["lastError"], failures: row["failures"], firstFailureAt: row["firstFailureAt"],
                  pendingFrom: row["pendingFrom"],
                  lastFacts: StoredFacts.deviceFacts(json: row["lastFacts"], deviceId: deviceId),
                  lastFactsAt: row["lastFactsAt"])
    }

    /// Every column but the facts (`lastFacts`, `lastFactsAt`): what a probe without facts reads and writes.
    static let columnsWithoutFacts = ["deviceId", "state", "since", "lastProbe", "lastUp", "lastAnsweredBy", "lastRttMs",
                                      "lastError", "failures", "firstFailureAt", "pendingFrom"]

    public func encode(to container: inout PersistenceContainer) throws {
        container["deviceId"] = deviceId
        container["state"] = state.rawValue
        container["since"] = since
        container["lastProbe"] = lastProbe
        container["lastUp"] = lastUp
        container["lastAnsweredBy"] = lastAnsweredBy
        container["lastRttMs"] = lastRttMs
        container["lastError"] = lastError
        container["failures"] = failures
        container["firstFailureAt"] = firstFailureAt
        container["pendingFrom"] = pendingFrom
        container["lastFacts"] = try StoredFacts.json(lastFacts)
        container["lastFactsAt"] = lastFactsAt
    }
}
