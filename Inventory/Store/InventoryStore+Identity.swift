import Foundation
import GRDB
import KiemkeCore

/// What tells a device apart besides its address: the evidence discovery and the daemon compare.
public struct DeviceIdentity: Sendable, Equatable {
    /// MAC address, lowercase, colon-separated.
    public var mac: String?
    public var serial: String?
    public var sysName: String?
    /// SNMPv3 engine ID, hex.
    public var engineID: String?
    public var seenAt: Date?

    public init(mac: String? = nil, serial: String? = nil, sysName: String? = nil, engineID: String? = nil, seenAt: Date? = nil) {
        self.mac = mac
        self.serial = serial
        self.sysName = sysName
        self.engineID = engineID
        self.seenAt = seenAt
    }
}

/// One address change kiemke made: the device, where it was, where it answers now, and why it is the same device.
public struct AddressChange: Sendable, Equatable {
    public var deviceName: String
    public var time: Date
    public var from: String
    public var to: String
    /// "same MAC aa:bb:...", "same serial X".
    public var evidence: String
}

extension InventorySchema {
    /// Discovery's migration: identity evidence per device, ignored addresses and MACs, address changes.
    /// Registered after every earlier migration; never edited once released.
    static func registerIdentity(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("discovery-v1-identity") { db in
            try db.create(table: "deviceIdentity") { t in
                t.primaryKey("deviceId", .integer).references("device", onDelete: .cascade)
                t.column("mac", .text)
                t.column("serial", .text)
                t.column("sysName", .text)
                t.column("engineId", .text)
                t.column("seenAt", .datetime).notNull()
            }
            try db.create(index: "deviceIdentity_mac", on: "deviceIdentity", columns: ["mac"])
            try db.create(index: "deviceIdentity_serial", on: "deviceIdentity", columns: ["serial"])
            // What `kiemke discover ignore` was told: an address or a MAC never proposed again.
            try db.create(table: "discoveryIgnore") { t in
                t.primaryKey("value", .text)
                t.column("addedAt", .datetime).notNull()
                t.column("addedBy", .text).notNull()
            }
            try db.create(table: "addressChange") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("device", onDelete: .cascade).notNull()
                t.column("time", .datetime).notNull()
                t.column("fromAddress", .text).notNull()
                t.column("toAddress", .text).notNull()
                t.column("evidence", .text).notNull()
            }
        }
    }
}

extension InventoryStore {
    /// The serial of a device's latest facts (`device d`), for devices whose serial no read recorded yet.
    private static let factsSerial: SQL = """
        (SELECT json_extract(o.facts, '$.serial') FROM observation o
         WHERE o.deviceId = d.id AND o.facts IS NOT NULL AND json_valid(o.facts)
         ORDER BY o.time DESC LIMIT 1)
        """

    /// Which of `ids` have evidence to be recognised by elsewhere (a MAC, serial or engine ID recorded, or a
    /// serial in their latest facts): a cheap question for the daemon, whose silent devices without any need
    /// no search and no reading of the whole inventory.
    public func withIdentityEvidence(_ ids: [Int64]) throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        return try database.read { db in
            guard try db.tableExists("deviceIdentity") else { return [] }
            let request: SQLRequest<Int64> = """
                SELECT d.id FROM device d LEFT JOIN deviceIdentity i ON i.deviceId = d.id
                WHERE d.id IN \(ids) AND (i.mac IS NOT NULL OR i.serial IS NOT NULL OR i.engineId IS NOT NULL
                                         OR \(Self.factsSerial) IS NOT NULL)
                """
            return Set(try request.fetchAll(db))
        }
    }

    /// The identity evidence of every active device, by name: what discovery or the daemon recorded, with
    /// the serial of its latest facts when none was recorded.
    public func identities() throws -> [String: DeviceIdentity] {
        try database.read { db in
            var result: [String: DeviceIdentity] = [:]
            // A database this binary has only read (never migrated) has no identity table yet.
            guard try db.tableExists("deviceIdentity") else { return result }
            let rows = try SQLRequest<Row>("""
                SELECT d.name, i.mac, i.serial, i.sysName, i.engineId, i.seenAt, \(Self.factsSerial) AS factsSerial
                FROM device d LEFT JOIN deviceIdentity i ON i.deviceId = d.id
                WHERE d.retiredAt IS NULL
                """).fetchAll(db)
            for row in rows {
                let serial: String? = row["serial"] ?? row["factsSerial"]
                let identity = DeviceIdentity(mac: row["mac"], serial: serial, sysName: row["sysName"], engineID: row["engineId"], seenAt: row["seenAt"])
                if identity != DeviceIdentity() { result[row["name"]] = identity }
            }
            return result
        }
    }

    /// Records what was seen of an active device; a value not seen this time keeps the one recorded before.
    public func recordIdentity(_ identity: DeviceIdentity, ofDeviceNamed name: String, at date: Date = Date()) throws {
        try write { writer in
            let device = try self.device(named: name, in: writer.db)
            guard let id = device.id else { return }
            try Self.upsertIdentity(identity, deviceId: id, at: date, in: writer.db)
        }
    }

    /// Records what the polling saw of many devices (by id) in one transaction; ids no longer in the store are skipped.
    public func recordIdentities(_ identities: [Int64: DeviceIdentity], at date: Date = Date()) throws {
        guard !identities.isEmpty else { return }
        try write { writer in
            guard try writer.db.tableExists("deviceIdentity") else { return }
            let present = Set(try Int64.fetchAll(writer.db, sql: "SELECT id FROM device WHERE retiredAt IS NULL"))
            for (id, identity) in identities.sorted(by: { $0.key < $1.key }) where present.contains(id) && identity != DeviceIdentity() {
                try Self.upsertIdentity(identity, deviceId: id, at: date, in: writer.db)
            }
        }
    }

    private static func upsertIdentity(_ identity: DeviceIdentity, deviceId id: Int64, at date: Date, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO deviceIdentity (deviceId, mac, serial, sysName, engineId, seenAt) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(deviceId) DO UPDATE SET
                mac = COALESCE(excluded.mac, mac), serial = COALESCE(excluded.serial, serial),
                sysName = COALESCE(excluded.sysName, sysName), engineId = COALESCE(excluded.engineId, engineId),
                seenAt = excluded.seenAt
            """, arguments: [id, identity.mac, identity.serial, identity.sysName, identity.engineID, date.storedPrecision])
    }

    /// Moves a device that answers at a new address (same serial or MAC): its address changes in place, the
    /// change joins its history as an edit by `who` and as an address change with the evidence, in one
    /// transaction, so that neither is ever written without the other.
    public func recordAddressChange(ofDeviceNamed name: String, to address: String, evidence: String,
                                    by who: String = "kiemke", at date: Date = Date()) throws -> AddressChange {
        try write { writer in
            let before = try self.device(named: name, in: writer.db)
            let (after, _) = try edit(named: name, DeviceChanges(address: address), by: "\(who) (\(evidence))", now: date, in: &writer)
            if let id = after.id {
                try writer.db.execute(sql: """
                    INSERT INTO addressChange (deviceId, time, fromAddress, toAddress, evidence) VALUES (?, ?, ?, ?, ?)
                    """, arguments: [id, date.storedPrecision, before.address, address, evidence])
            }
            return AddressChange(deviceName: after.name, time: date, from: before.address, to: address, evidence: evidence)
        }
    }

    /// Every address change, oldest first.
    public func addressChanges() throws -> [AddressChange] {
        try database.read { db in
            guard try db.tableExists("addressChange") else { return [] }
            return try Row.fetchAll(db, sql: """
                SELECT d.name, a.time, a.fromAddress, a.toAddress, a.evidence FROM addressChange a
                JOIN device d ON d.id = a.deviceId ORDER BY a.time, a.id
                """).map { AddressChange(deviceName: $0["name"], time: $0["time"], from: $0["fromAddress"], to: $0["toAddress"], evidence: $0["evidence"]) }
        }
    }

    /// Never propose `value` (an address or a MAC, already normalised) again.
    public func ignoreForDiscovery(_ value: String, by who: String, at date: Date = Date()) throws {
        try write { writer in
            try writer.db.execute(sql: """
                INSERT INTO discoveryIgnore (value, addedAt, addedBy) VALUES (?, ?, ?)
                ON CONFLICT(value) DO NOTHING
                """, arguments: [value, date.storedPrecision, who])
        }
    }

    /// The addresses and MACs discovery is not to propose.
    public func ignoredForDiscovery() throws -> Set<String> {
        try database.read { db in
            guard try db.tableExists("discoveryIgnore") else { return [] }
            return Set(try String.fetchAll(db, sql: "SELECT value FROM discoveryIgnore"))
        }
    }
}
