import Foundation
import GRDB

/// One entry of the change log: which part of which device's data changed, stamped with a
/// sequence number that only grows, so that a reader can ask for what changed since the last
/// number it saw.
///
/// The log keeps each entry's latest change only: a device's marks changed ten times since a
/// reader looked are one entry, with the newest sequence number. A reader that asks
/// `changes(since: n)` therefore sees every part changed after `n` once and reads it afresh.
public struct StoreChange: Sendable, Equatable {
    /// Which part of a device's data changed.
    public enum Entity: String, Sendable, CaseIterable {
        /// The device's own fields (name, kind, address, retirement...).
        case device
        /// Its condition marks.
        case marks
        /// Its observations, probe state and state changes.
        case observations
        /// Its hourly and daily availability, for one local day (`day`).
        case availability
    }

    /// What happened.
    public enum Kind: String, Sendable, CaseIterable {
        case added, updated, retired, marked, recorded, credited
    }

    /// The stamp: greater than every earlier change's, never reused.
    public var sequence: Int64
    public var entity: Entity
    /// The device's `uuid`.
    public var deviceUUID: UUID
    /// The local day ("2026-11-30") whose availability changed; nil for other entities.
    public var day: String?
    public var kind: Kind
    /// When the change happened (a device's creation, a mark's time, the latest probe recorded).
    public var time: Date

    public init(sequence: Int64, entity: Entity, deviceUUID: UUID, day: String? = nil, kind: Kind, time: Date) {
        self.sequence = sequence
        self.entity = entity
        self.deviceUUID = deviceUUID
        self.day = day
        self.kind = kind
        self.time = time
    }
}

extension StoreChange: FetchableRecord {
    /// The table's name; "change" as issue 9 names it.
    static let databaseTableName = "change"

    public init(row: Row) throws {
        let entityText: String = row["entity"], kindText: String = row["kind"], idText: String = row["entityId"]
        guard let entity = Entity(rawValue: entityText) else {
            throw StoredValueError(table: Self.databaseTableName, column: "entity", value: entityText)
        }
        guard let kind = Kind(rawValue: kindText) else {
            throw StoredValueError(table: Self.databaseTableName, column: "kind", value: kindText)
        }
        guard let uuid = UUID(uuidString: idText) else {
            throw StoredValueError(table: Self.databaseTableName, column: "entityId", value: idText)
        }
        let day: String = row["day"]
        self.init(sequence: row["sequence"], entity: entity, deviceUUID: uuid, day: day.isEmpty ? nil : day,
                  kind: kind, time: row["time"])
    }
}
