import Foundation
import GRDB
import KiemkeCore

extension InventoryStore {
    /// Records a person's judgement of a device; earlier marks stay as history.
    ///
    /// `date` is when the condition was seen: back-dated marks are kept in the order of the dates
    /// they carry, so a mark dated before the latest one does not change the condition now. It may
    /// not be earlier than the device's in-service date. `now` is when it is entered; the commands
    /// refuse a `date` after it (`OfficeDate.parse(_:timeZone:notAfter:)`), tests may set either.
    @discardableResult
    public func mark(named name: String, condition: Condition, note: String = "", by who: String,
                     at date: Date = Date(), now: Date = Date()) throws -> ConditionMark {
        try write { writer in
            let device = try self.device(named: name, in: writer.db)
            var mark = ConditionMark(deviceId: device.id!, condition: condition, note: note, markedBy: who,
                                     markedAt: date, enteredAt: now)
            if mark.markedAt < device.createdAt {
                throw InventoryError.markBeforeInService(device: device.name, markedAt: format(mark.markedAt),
                                                         inService: format(device.createdAt))
            }
            try writer.mark(&mark, of: device)
            return mark
        }
    }

    /// Every mark of a device, newest first.
    public func marks(of device: Device) throws -> [ConditionMark] {
        try database.read { db in try Self.marks(of: device, in: db) }
    }

    /// The device's story, newest first by when things happened: condition marks (a back-dated
    /// mark among them at its date) and, once the daemon runs, probe state changes, read in one transaction.
    public func history(named name: String) throws -> (Device, [HistoryEntry]) {
        try database.read { db in
            let device = try self.deviceIncludingRetired(named: name, in: db)
            let changes = try StateChange.filter(Column("deviceId") == device.id).fetchAll(db)
            let edits = try DeviceEdit.filter(Column("deviceId") == device.id).fetchAll(db)
            let entries = try Self.marks(of: device, in: db).map(HistoryEntry.mark) + changes.map(HistoryEntry.state)
                + edits.map(HistoryEntry.edit)
            // Newest first; among events of the same moment, the one entered later first.
            return (device, entries.sorted { ($0.time, $0.enteredAt, $0.sequence) > ($1.time, $1.enteredAt, $1.sequence) })
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
    /// An edit of the device's record (`devices edit`).
    case edit(DeviceEdit)

    /// When it happened.
    public var time: Date {
        switch self {
        case .mark(let mark): mark.markedAt
        case .state(let change): change.time
        case .edit(let edit): edit.time
        }
    }

    /// When it was entered into kiemke: later than `time` for a back-dated mark.
    public var enteredAt: Date {
        switch self {
        case .mark(let mark): mark.enteredAt
        case .state(let change): change.time
        case .edit(let edit): edit.time
        }
    }

    /// The order in which events were recorded, to break ties between events of the same moment.
    var sequence: Int64 {
        switch self {
        case .mark(let mark): mark.id ?? 0
        case .state(let change): change.id ?? 0
        case .edit(let edit): edit.id ?? 0
        }
    }
}
