import Foundation
import GRDB
import KiemkeCore

extension InventoryStore {
    /// Records a person's judgement of a device; earlier marks stay as history.
    @discardableResult
    public func mark(named name: String, condition: Condition, note: String = "", by who: String,
                     at date: Date = Date()) throws -> ConditionMark {
        try write { writer in
            let device = try Self.device(named: name, in: writer.db)
            var mark = ConditionMark(deviceId: device.id!, condition: condition, note: note, markedBy: who, markedAt: date)
            try writer.mark(&mark, of: device)
            return mark
        }
    }

    /// Every mark of a device, newest first.
    public func marks(of device: Device) throws -> [ConditionMark] {
        try database.read { db in try Self.marks(of: device, in: db) }
    }

    /// The device's story, newest first: condition marks and, once the daemon runs, probe state
    /// changes, read in one transaction.
    public func history(named name: String) throws -> (Device, [HistoryEntry]) {
        try database.read { db in
            let device = try Self.device(named: name, in: db)
            let changes = try StateChange.filter(Column("deviceId") == device.id).fetchAll(db)
            let entries = try Self.marks(of: device, in: db).map(HistoryEntry.mark) + changes.map(HistoryEntry.state)
            // Newest first; among events of the same moment, the one recorded later first.
            return (device, entries.sorted { ($0.time, $0.sequence) > ($1.time, $1.sequence) })
        }
    }

    static func marks(of device: Device, in db: Database) throws -> [ConditionMark] {
        try ConditionMark.filter(Column("deviceId") == device.id)
            .order(Column("markedAt").desc, Column("id").desc).fetchAll(db)
    }
}

/// One line of a device's history.
public enum HistoryEntry: Sendable, Equatable {
    case mark(ConditionMark)
    case state(StateChange)

    /// When it happened.
    public var time: Date {
        switch self {
        case .mark(let mark): mark.markedAt
        case .state(let change): change.time
        }
    }

    /// The order in which events were recorded, to break ties between events of the same moment.
    var sequence: Int64 {
        switch self {
        case .mark(let mark): mark.id ?? 0
        case .state(let change): change.id ?? 0
        }
    }
}
