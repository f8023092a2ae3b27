import Foundation
import GRDB
import KiemkeCore

extension InventoryStore {
    /// The equipment in the inventory, sorted by name ignoring case; retired devices and
    /// internet link targets too when asked.
    public func devices(includeRetired: Bool = false, includeInternetLinks: Bool = false) throws -> [Device] {
        try database.read { db in
            try Self.devices(includeRetired: includeRetired, includeInternetLinks: includeInternetLinks, in: db)
        }
    }

    /// The active device called `name` (case ignored), or an error that suggests the nearest names.
    public func device(named name: String) throws -> Device {
        try database.read { try self.device(named: name, in: $0) }
    }

    /// Adds a device and its first condition mark in one transaction.
    ///
    /// The device's `createdAt` is its in-service date, which may be back-dated; `now` is when it is
    /// entered. Its first mark states its condition from the in-service date.
    @discardableResult
    public func add(_ device: Device, condition: Condition = .good, by who: String, now: Date = Date()) throws -> Device {
        try write { writer in
            var device = device
            device.enteredAt = max(now.storedPrecision, device.createdAt)
            try Self.validate(device)
            if try Self.activeDevice(key: device.nameKey, in: writer.db) != nil {
                throw InventoryError.duplicateName(device.name)
            }
            try writer.add(&device)
            var mark = ConditionMark(deviceId: device.id!, condition: condition, note: device.note,
                                     markedBy: who, markedAt: device.createdAt, enteredAt: device.enteredAt)
            try writer.mark(&mark, of: device)
            return device
        }
    }

    /// `date` as the office reads it ("2023-03-15 09:30"), for messages.
    func format(_ date: Date) -> String {
        OfficeDate.Format(timeZone: timeZone).string(date)
    }

    /// Retires a device: it leaves every count from `date` on, and its history stays.
    @discardableResult
    public func retire(named name: String, at date: Date = Date()) throws -> Device {
        try write { writer in
            var device = try self.device(named: name, in: writer.db)
            try writer.retire(&device, at: date)
            return device
        }
    }

    /// Makes the internet link targets those of the config: adds the new ones, retires the dropped ones.
    public func syncInternetLinks(_ addresses: [String], at date: Date = Date()) throws {
        try write { writer in
            let current = try Device.filter(Device.Columns.role == DeviceRole.internetLink.rawValue && Device.Columns.retiredAt == nil).fetchAll(writer.db)
            for var device in current where !addresses.contains(device.address) {
                try writer.retire(&device, at: date)
            }
            for address in addresses where !current.contains(where: { $0.address == address }) {
                if let problem = DeviceAddress.problem(with: address) {
                    throw InventoryError.invalidField(field: "report.internet_targets", value: address, reason: problem)
                }
                var device = Device(name: "Internet (\(address))", kind: .network, address: address,
                                    note: "internet link target from the config", schedule: .always,
                                    role: .internetLink, createdAt: date, enteredAt: date)
                try writer.add(&device)
            }
        }
    }

    /// The latest mark of every device, keyed by device id.
    /// A number that changes whenever a device is added, edited or retired: the newest change-log
    /// sequence of the devices' own fields. The daemon rereads its device list only when it moved.
    public func deviceListStamp() throws -> Int64 {
        try database.read { db in
            try Int64.fetchOne(db, sql: #"SELECT coalesce(max(sequence), 0) FROM "change" WHERE entity = ?"#,
                               arguments: [StoreChange.Entity.device.rawValue]) ?? 0
        }
    }

    public func currentMarks() throws -> [Int64: ConditionMark] {
        try database.read { db in try Self.latestMarks(in: db) }
    }

    // MARK: - Building blocks for transactions

    static func devices(includeRetired: Bool, includeInternetLinks: Bool, in db: Database) throws -> [Device] {
        var request = Device.all()
        if !includeRetired { request = request.filter(Device.Columns.retiredAt == nil) }
        if !includeInternetLinks { request = request.filter(Device.Columns.role == DeviceRole.equipment.rawValue) }
        return try request.order(Device.Columns.nameKey, Column("id")).fetchAll(db)
    }

    /// The active device called `name`; a retired one is an error saying when it was retired
    /// (dates in `timeZone`), anything else one suggesting the nearest names.
    func device(named name: String, in db: Database) throws -> Device {
        if let device = try Self.activeDevice(key: NameKey.fold(name), in: db) { return device }
        if let retired = try Self.retiredDevice(key: NameKey.fold(name), in: db), let date = retired.retiredAt {
            throw InventoryError.retired(name: retired.name, on: format(date))
        }
        return try Self.device(named: name, in: db)
    }

    /// The device called `name`, active or else the one retired last: what `history` and
    /// `devices show` describe.
    func deviceIncludingRetired(named name: String, in db: Database) throws -> Device {
        if let device = try Self.activeDevice(key: NameKey.fold(name), in: db) { return device }
        if let retired = try Self.retiredDevice(key: NameKey.fold(name), in: db) { return retired }
        return try Self.device(named: name, in: db)
    }

    static func retiredDevice(key: String, in db: Database) throws -> Device? {
        try Device.filter(Device.Columns.nameKey == key && Device.Columns.retiredAt != nil)
            .order(Device.Columns.retiredAt.desc).fetchOne(db)
    }

    static func device(named name: String, in db: Database) throws -> Device {
        if let device = try activeDevice(key: NameKey.fold(name), in: db) { return device }
        let names = try String.fetchAll(db, sql: "SELECT name FROM device WHERE retiredAt IS NULL")
        throw InventoryError.deviceNotFound(name: name, suggestions: NameKey.suggestions(for: name, among: names))
    }

    static func activeDevice(key: String, in db: Database) throws -> Device? {
        try Device.filter(Device.Columns.nameKey == key && Device.Columns.retiredAt == nil).fetchOne(db)
    }

    /// The condition that keeps only each device's newest mark of `conditionMark m`; ids break ties between
    /// marks made in the same millisecond.
    private static let newestMark: SQL = """
        m.id = (SELECT m2.id FROM conditionMark m2 WHERE m2.deviceId = m.deviceId
                ORDER BY m2.markedAt DESC, m2.id DESC LIMIT 1)
        """

    static func latestMarks(in db: Database) throws -> [Int64: ConditionMark] {
        let marks = try SQLRequest<ConditionMark>("SELECT m.* FROM conditionMark m WHERE \(newestMark)").fetchAll(db)
        return Dictionary(marks.map { ($0.deviceId, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Which of `ids` are marked broken by their newest mark: what a recorded batch needs, without
    /// reading every device's marks (the daemon records a batch every few seconds).
    static func markedBroken(_ ids: [Int64], in db: Database) throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        let request: SQLRequest<Int64> = """
            SELECT m.deviceId FROM conditionMark m
            WHERE m.deviceId IN \(ids) AND m.condition = \(Condition.broken.rawValue) AND \(newestMark)
            """
        return Set(try request.fetchAll(db))
    }

    static func validate(_ device: Device) throws {
        if device.name.isEmpty {
            throw InventoryError.invalidField(field: "name", value: "", reason: "a device needs a name")
        }
        if let problem = DeviceAddress.problem(with: device.address) {
            throw InventoryError.invalidField(field: "address", value: device.address, reason: problem)
        }
        if let port = device.snmpPort, Port(port) == nil {
            throw InventoryError.invalidField(field: "snmp_port", value: String(port), reason: Port.rangeDescription)
        }
    }
}
