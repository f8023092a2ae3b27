import Foundation
import GRDB
import KiemkeCore

/// What one probe cycle found about one device.
public struct Observation: Codable, Sendable, Equatable, Identifiable {
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
    /// What SNMP said about the device, as JSON (Probes' `DeviceFacts`), when it answered SNMP.
    public var facts: String?

    public init(id: Int64? = nil, deviceId: Int64, time: Date, up: Bool, answeredBy: String = "",
                rttMs: Double? = nil, error: String? = nil, facts: String? = nil) {
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

extension Observation: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "observation"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
