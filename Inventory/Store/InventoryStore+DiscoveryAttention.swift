import Foundation
import GRDB
import KiemkeCore

/// A device a scheduled sweep found answering that the inventory does not have.
public struct NewDeviceSighting: Sendable, Equatable {
    public var address: String
    /// Lowercase, colon-separated, when known.
    public var mac: String?
    public var kind: DeviceKind

    public init(address: String, mac: String? = nil, kind: DeviceKind) {
        self.address = address
        self.mac = mac
        self.kind = kind
    }
}

/// Identity evidence that points at more than one device or address; kiemke moves nothing on it.
public struct IdentityConflictSighting: Sendable, Equatable {
    public enum Evidence: String, Sendable { case mac, serial }
    public var evidence: Evidence
    /// The MAC or serial.
    public var value: String
    /// The inventory devices claiming it, or the addresses it answers at ("198.18.6.42", "PC-03").
    public var places: [String]

    public init(evidence: Evidence, value: String, places: [String]) {
        self.evidence = evidence
        self.value = value
        self.places = places
    }
}

extension InventorySchema {
    /// What discovery asks a person to look at: new devices (until enrolled or ignored) and identity conflicts.
    /// Registered after `discovery-v1-identity`; never edited once released.
    static func registerDiscoveryAttention(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("discovery-v2-attention") { db in
            try db.create(table: "discoveryAttention") { t in
                // "new:ADDRESS", "mac:MAC", "serial:SERIAL": one row per thing to look at.
                t.primaryKey("key", .text)
                t.column("type", .text).notNull()
                t.column("value", .text).notNull()
                t.column("mac", .text)
                t.column("kind", .text)
                t.column("places", .text).notNull().defaults(to: "")
                t.column("firstSeen", .datetime).notNull()
                t.column("lastSeen", .datetime).notNull()
            }
        }
    }
}

extension InventoryStore {
    /// How long a conflict stays listed after it was last seen, and how long an address change is shown.
    public static let conflictShownFor: TimeInterval = 86_400
    public static let addressChangeShownFor: TimeInterval = 7 * 86_400

    /// Remembers new devices a sweep saw (the first sighting's time is kept) and conflicts it found.
    public func noteDiscovery(new sightings: [NewDeviceSighting], conflicts: [IdentityConflictSighting], at date: Date = Date()) throws {
        guard !sightings.isEmpty || !conflicts.isEmpty else { return }
        try write { writer in
            let upsert = """
                INSERT INTO discoveryAttention (key, type, value, mac, kind, places, firstSeen, lastSeen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(key) DO UPDATE SET mac = COALESCE(excluded.mac, mac), kind = excluded.kind, places = excluded.places,
                    lastSeen = excluded.lastSeen
                """
            let time = date.storedPrecision
            for sighting in sightings {
                try writer.db.execute(sql: upsert, arguments: ["new:\(sighting.address)", "new", sighting.address, sighting.mac,
                                                               sighting.kind.rawValue, "", time, time])
            }
            for conflict in conflicts {
                try writer.db.execute(sql: upsert, arguments: ["\(conflict.evidence.rawValue):\(conflict.value)", conflict.evidence.rawValue,
                                                               conflict.value, nil, nil, conflict.places.joined(separator: "\n"), time, time])
            }
        }
    }

    /// What discovery asks a person to look at now: new devices not yet enrolled or ignored, conflicts seen
    /// in the last day, address changes of the last week.
    public func discoveryAttention(now: Date = Date()) throws -> [AttentionItem] {
        try database.read { db in
            guard try db.tableExists("discoveryAttention") else { return [] }
            let ignored = Set(try String.fetchAll(db, sql: "SELECT value FROM discoveryIgnore"))
            let active = try Self.devices(includeRetired: false, includeInternetLinks: true, in: db)
            let addresses = Set(active.map { IPAddress($0.address).map { "\($0)" } ?? $0.address })
            let macs = Set(try String.fetchAll(db, sql: """
                SELECT i.mac FROM deviceIdentity i JOIN device d ON d.id = i.deviceId WHERE d.retiredAt IS NULL AND i.mac IS NOT NULL
                """))
            var items: [AttentionItem] = []
            for row in try Row.fetchAll(db, sql: "SELECT * FROM discoveryAttention ORDER BY firstSeen, key") {
                let type: String = row["type"]
                let value: String = row["value"]
                let mac: String? = row["mac"]
                let places = (row["places"] as String? ?? "").split(separator: "\n").map(String.init)
                let lastSeen: Date = row["lastSeen"]
                switch type {
                case "new":
                    // Enrolled (its address or MAC is now a device's) or ignored: nothing to look at any more.
                    if addresses.contains(value) || ignored.contains(value) { continue }
                    if let mac, macs.contains(mac) || ignored.contains(mac) { continue }
                    let kind = (row["kind"] as String?).flatMap(DeviceKind.init(rawValue:)) ?? .other
                    items.append(AttentionItem(name: value, kind: kind, attention: .newDevice(address: value, mac: mac), since: row["firstSeen"]))
                case "mac", "serial":
                    guard now.timeIntervalSince(lastSeen) < Self.conflictShownFor, !ignored.contains(value) else { continue }
                    let attention: Attention = type == "mac" ? .macConflict(mac: value, places: places) : .serialConflict(serial: value, places: places)
                    items.append(AttentionItem(name: type == "mac" ? "MAC \(value)" : value, kind: .other, attention: attention, since: row["firstSeen"]))
                default:
                    continue
                }
            }
            if try db.tableExists("addressChange") {
                let since = now.addingTimeInterval(-Self.addressChangeShownFor).storedPrecision
                for row in try Row.fetchAll(db, sql: """
                    SELECT d.name, d.kind, a.time, a.fromAddress, a.toAddress, a.evidence FROM addressChange a
                    JOIN device d ON d.id = a.deviceId WHERE d.retiredAt IS NULL AND a.time >= ? ORDER BY a.time, a.id
                    """, arguments: [since]) {
                    let kind = (row["kind"] as String?).flatMap(DeviceKind.init(rawValue:)) ?? .other
                    items.append(AttentionItem(name: row["name"], kind: kind,
                                               attention: .addressChanged(from: row["fromAddress"], to: row["toAddress"], evidence: row["evidence"]),
                                               since: row["time"]))
                }
            }
            return items
        }
    }
}
