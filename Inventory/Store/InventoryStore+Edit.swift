import Foundation
import GRDB
import KiemkeCore

/// What `devices edit` changes; nil fields stay as they are.
public struct DeviceChanges: Sendable, Equatable {
    public var name: String?
    public var kind: DeviceKind?
    public var address: String?
    public var location: String?
    public var note: String?
    public var schedule: DeviceSchedule?

    public init(name: String? = nil, kind: DeviceKind? = nil, address: String? = nil, location: String? = nil,
                note: String? = nil, schedule: DeviceSchedule? = nil) {
        self.name = name
        self.kind = kind
        self.address = address
        self.location = location
        self.note = note
        self.schedule = schedule
    }

    /// Whether any field is to change.
    public var isEmpty: Bool { self == DeviceChanges() }
}

extension InventoryStore {
    /// Edits a device in place: a new address, a move to another room, a new name. Its marks,
    /// probe history and availability stay with it; the edit itself joins its history.
    ///
    /// Returns the device after the edit and what changed ("" when the values were already so).
    @discardableResult
    public func edit(named name: String, _ changes: DeviceChanges, by who: String, now: Date = Date()) throws -> (Device, String) {
        if changes.isEmpty { throw InventoryError.nothingToEdit(name: name) }
        return try write { writer in try edit(named: name, changes, by: who, now: now, in: &writer) }
    }

    /// The edit inside a transaction the caller holds, so that it can join other changes (an address change's record).
    func edit(named name: String, _ changes: DeviceChanges, by who: String, now: Date, in writer: inout ChangeWriter) throws -> (Device, String) {
        let before = try self.device(named: name, in: writer.db)
        var after = before
        var parts: [String] = []
        func note(_ field: String, _ old: String, _ new: String) {
            if old != new { parts.append("\(field) \(old.isEmpty ? "(none)" : old) → \(new.isEmpty ? "(none)" : new)") }
        }
        if let newName = changes.name {
            let clean = NameKey.clean(newName)
            if clean.isEmpty { throw InventoryError.invalidField(field: "name", value: newName, reason: "a device needs a name") }
            let key = NameKey.fold(clean)
            if key != before.nameKey, try Self.activeDevice(key: key, in: writer.db) != nil {
                throw InventoryError.duplicateName(clean)
            }
            after.name = clean
            after.nameKey = key
            note("name", before.name, clean)
        }
        if let kind = changes.kind {
            after.kind = kind
            note("kind", before.kind.rawValue, kind.rawValue)
        }
        if let address = changes.address {
            let clean = address.trimmingCharacters(in: .whitespaces)
            if let other = try Self.devices(includeRetired: false, includeInternetLinks: false, in: writer.db)
                .first(where: { $0.id != before.id && !clean.isEmpty && Self.sameAddress($0.address, clean) }) {
                throw InventoryError.invalidField(field: "address", value: clean,
                    reason: "\(other.name) already has this address; change or retire it first")
            }
            after.address = clean
            note("address", before.address, clean)
        }
        if let location = changes.location {
            after.location = NameKey.clean(location)
            note("location", before.location, after.location)
        }
        if let text = changes.note {
            after.note = NameKey.clean(text)
            note("note", before.note, after.note)
        }
        if let schedule = changes.schedule {
            after.schedule = schedule
            note("schedule", before.schedule?.rawValue ?? "", schedule.rawValue)
        }
        try Self.validate(after)
        if parts.isEmpty { return (after, "") }
        var record = DeviceEdit(deviceId: before.id!, time: now, editedBy: who, changes: parts.joined(separator: "; "))
        try writer.edit(after, record: &record)
        return (after, record.changes)
    }

    /// Whether two address texts name one address ("192.168.001.020" is not valid anyway; IPv6 forms differ).
    static func sameAddress(_ a: String, _ b: String) -> Bool {
        func key(_ text: String) -> String { IPAddress(text).map { "\($0)" } ?? text.lowercased() }
        return key(a) == key(b)
    }
}
