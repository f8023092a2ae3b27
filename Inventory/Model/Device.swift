import Foundation
import GRDB
import KiemkeCore

/// One piece of equipment the office owns, as the store keeps it.
public struct Device: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    /// The device's identity beyond this database (the local `id` is not): stable for its life,
    /// what the change log and a future sync name it by.
    public var uuid: UUID
    /// The name staff use ("PC-01", "Máy photo tầng 2"), NFC, case kept.
    public var name: String
    /// `NameKey.fold(name)`: what lookups and the uniqueness of active names use.
    public var nameKey: String
    public var kind: DeviceKind
    /// An IPv4 or IPv6 address, or empty for equipment with no network (a USB scanner).
    public var address: String
    public var location: String
    public var note: String
    public var snmpVersion: SNMPVersion?
    public var snmpCommunity: String?
    public var snmpPort: Int?
    /// Whether it follows office hours; nil: as its kind does (config `schedule.kinds`).
    public var schedule: DeviceSchedule?
    /// Equipment the office owns, or an internet address probed to measure the office's link.
    public var role: DeviceRole
    /// How often this device is polled, in seconds; nil: as its kind (config) says.
    public var pollInterval: Double?
    /// When the device entered service (the import's `since`, `devices add --since`; default: when
    /// it was entered): reports count it from then on.
    public var createdAt: Date
    /// When it was entered into kiemke; equal to `createdAt` unless that was back-dated.
    public var enteredAt: Date
    /// When the device left the inventory; it counts in no period after this.
    public var retiredAt: Date?

    public init(
        id: Int64? = nil, uuid: UUID = UUID(), name: String, kind: DeviceKind, address: String, location: String = "",
        note: String = "", snmpVersion: SNMPVersion? = nil, snmpCommunity: String? = nil,
        snmpPort: Int? = nil, schedule: DeviceSchedule? = nil, role: DeviceRole = .equipment,
        pollInterval: Double? = nil, createdAt: Date = Date(), enteredAt: Date? = nil, retiredAt: Date? = nil
    ) {
        self.id = id
        self.uuid = uuid
        self.name = NameKey.clean(name)
        self.nameKey = NameKey.fold(name)
        self.kind = kind
        self.address = address
        self.location = NameKey.clean(location)
        self.note = NameKey.clean(note)
        self.snmpVersion = snmpVersion
        self.snmpCommunity = snmpCommunity
        self.snmpPort = snmpPort
        self.schedule = schedule
        self.role = role
        self.pollInterval = pollInterval
        self.createdAt = createdAt.storedPrecision
        // Not earlier than the in-service date: a device made with a past `createdAt` and no entry
        // date was entered now; one made "now" was entered at that same moment.
        self.enteredAt = max(enteredAt ?? Date(), createdAt).storedPrecision
        self.retiredAt = retiredAt?.storedPrecision
    }

    /// Whether the device was in the inventory at some moment of `interval`.
    public func isActive(during interval: DateInterval) -> Bool {
        createdAt < interval.end && (retiredAt.map { $0 > interval.start } ?? true)
    }
}

extension Device: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "device"
    public static let marks = hasMany(ConditionMark.self)
    /// Kept as text ("E621E1F8-C36C-495A-93FC-0C247A3E6E5F"), readable and comparable in SQL.
    public static func databaseUUIDEncodingStrategy(for column: String) -> DatabaseUUIDEncodingStrategy { .uppercaseString }

    /// Reads a row column by column. The daemon reads the whole device list every few seconds, and
    /// the `Decodable` path GRDB would otherwise take costs several times more (a profile of the
    /// daemon at 1,000 devices showed it among the top costs). Must read what `encode(to:)` writes.
    public init(row: Row) throws {
        id = try row.decode(forColumn: CodingKeys.id.stringValue)
        uuid = try row.decode(forColumn: CodingKeys.uuid.stringValue)
        name = try row.decode(forColumn: CodingKeys.name.stringValue)
        nameKey = try row.decode(forColumn: CodingKeys.nameKey.stringValue)
        kind = try Self.decodeEnum(DeviceKind.self, CodingKeys.kind, in: row)
        address = try row.decode(forColumn: CodingKeys.address.stringValue)
        location = try row.decode(forColumn: CodingKeys.location.stringValue)
        note = try row.decode(forColumn: CodingKeys.note.stringValue)
        snmpVersion = try Self.decodeEnumIfPresent(SNMPVersion.self, CodingKeys.snmpVersion, in: row)
        snmpCommunity = try row.decode(forColumn: CodingKeys.snmpCommunity.stringValue)
        snmpPort = try row.decode(forColumn: CodingKeys.snmpPort.stringValue)
        schedule = try Self.decodeEnumIfPresent(DeviceSchedule.self, CodingKeys.schedule, in: row)
        role = try Self.decodeEnum(DeviceRole.self, CodingKeys.role, in: row)
        pollInterval = try row.decode(forColumn: CodingKeys.pollInterval.stringValue)
        createdAt = try row.decode(forColumn: CodingKeys.createdAt.stringValue)
        enteredAt = try row.decode(forColumn: CodingKeys.enteredAt.stringValue)
        retiredAt = try row.decode(forColumn: CodingKeys.retiredAt.stringValue)
    }

    private static func decodeEnumIfPresent<Value: RawRepresentable>(_ type: Value.Type, _ key: CodingKeys, in row: Row) throws -> Value?
    where Value.RawValue == String {
        guard let raw: String = try row.decode(forColumn: key.stringValue) else { return nil }
        guard let value = Value(rawValue: raw) else {
            throw InventoryError.invalidField(field: "device.\(key.stringValue)", value: raw,
                                              reason: "not a value this kiemke knows (device id \(row["id"] as Int64? ?? -1))")
        }
        return value
    }

    private static func decodeEnum<Value: RawRepresentable>(_ type: Value.Type, _ key: CodingKeys, in row: Row) throws -> Value
    where Value.RawValue == String {
        guard let value = try decodeEnumIfPresent(type, key, in: row) else {
            throw InventoryError.invalidField(field: "device.\(key.stringValue)", value: "",
                                              reason: "missing (device id \(row["id"] as Int64? ?? -1))")
        }
        return value
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    public enum Columns {
        public static let name = Column(CodingKeys.name)
        public static let nameKey = Column(CodingKeys.nameKey)
        public static let retiredAt = Column(CodingKeys.retiredAt)
        public static let role = Column(CodingKeys.role)
        public static let uuid = Column(CodingKeys.uuid)
        public static let address = Column(CodingKeys.address)
    }
}
