import Foundation
import GRDB
import KiemkeCore

extension InventoryStore {
    /// Everything known of one device (a retired one too), read in one transaction:
    /// the record, its history newest first, and its probe state with the facts last read.
    public func detail(named name: String) throws -> (device: Device, history: [HistoryEntry], state: DeviceState?) {
        try database.read { db in
            let device = try self.deviceIncludingRetired(named: name, in: db)
            let changes = try StateChange.filter(Column("deviceId") == device.id).fetchAll(db)
            let edits = try DeviceEdit.filter(Column("deviceId") == device.id).fetchAll(db)
            let entries = try Self.marks(of: device, in: db).map(HistoryEntry.mark) + changes.map(HistoryEntry.state)
                + edits.map(HistoryEntry.edit)
            let state = try DeviceState.filter(Column("deviceId") == device.id).fetchOne(db)
            return (device, entries.sorted { ($0.time, $0.enteredAt, $0.sequence) > ($1.time, $1.enteredAt, $1.sequence) }, state)
        }
    }

    /// The facts each device last gave (vendor, model, serial...), by device id.
    public func lastFacts() throws -> [Int64: DeviceFacts] {
        try database.read { db in
            var facts: [Int64: DeviceFacts] = [:]
            for state in try DeviceState.fetchAll(db) { facts[state.deviceId] = state.lastFacts }
            return facts
        }
    }
}
