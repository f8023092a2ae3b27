import Foundation
import GRDB
import KiemkeCore

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
