import Foundation
import GRDB
import KiemkeCore

/// What one probe cycle found about one device.
public struct Observation: Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var deviceId: Int64
    public var time: Date
    /// Whether any probe got an answer.
    public var up: Bool
    /// The probes that answered, e.g. "icmp,tcp:445,snmp"; empty when none did.
    public var answeredBy: String
    public var rttMs: Double?
    /// Why the device did not answer ("timeout", "host unreachable"), or a probe's partial failure.
    public var error: String?
    /// What SNMP said about the device, when it answered SNMP; nil also when stored facts cannot be read (logged).
    public var facts: DeviceFacts?

    public init(id: Int64? = nil, deviceId: Int64, time: Date, up: Bool, answeredBy: String = "",
                rttMs: Double? = nil, error: String? = nil, facts: DeviceFacts? = nil) {
        self.id = id
        self.deviceId = deviceId
        self.time = time.storedPrecision
        self.up = up
        self.answeredBy = answeredBy
        self.rttMs = rttMs
        self.error = error
        self.facts = facts
    }
}

// Written by hand rather than through Codable: the facts column holds `StoredFacts`, the
// store's own versioned format, not Probes' `DeviceFacts`.
extension Observation: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "observation"

    public init(row: Row) throws {
        let deviceId: Int64 = row["deviceId"]
        self.init(id: row["id"], deviceId: deviceId, time: row["time"], up: row["up"], answeredBy: row["answeredBy"],
                  rttMs: row["rttMs"], error: row["error"],
                  facts: StoredFacts.deviceFacts(json: row["facts"], deviceId: deviceId))
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["deviceId"] = deviceId
        container["time"] = time
        container["up"] = up
        container["answeredBy"] = answeredBy
        container["rttMs"] = rttMs
        container["error"] = error
        container["facts"] = try StoredFacts.json(facts)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
