import Foundation
import GRDB

extension InventoryStore {
    /// Everything `kiemke status` shows, read in one transaction so the parts agree.
    public struct StatusSnapshot: Sendable {
        /// Active devices, internet link targets included, sorted by name.
        public var devices: [Device]
        /// The latest mark of each device, by device id.
        public var marks: [Int64: ConditionMark]
        /// The probe state of each device probed at least once, by device id.
        public var states: [Int64: DeviceState]
    }

    /// The devices, their current marks and probe states, as one consistent snapshot.
    public func statusSnapshot() throws -> StatusSnapshot {
        try database.read { db in
            StatusSnapshot(devices: try Self.devices(includeRetired: false, includeInternetLinks: true, in: db),
                           marks: try Self.latestMarks(in: db),
                           states: Dictionary(uniqueKeysWithValues: try DeviceState.fetchAll(db).map { ($0.deviceId, $0) }))
        }
    }

    /// The equipment with the latest mark of each and since when it has held that condition (the
    /// first of the latest marks that say the same), as `devices list` shows it, in one transaction.
    public func deviceListing(includeRetired: Bool = false) throws -> [(device: Device, mark: ConditionMark?, conditionSince: Date?)] {
        try database.read { db in
            let marks = try ConditionMark.order(Column("deviceId"), Column("markedAt"), Column("id")).fetchAll(db)
            var latest: [Int64: ConditionMark] = [:]
            var since: [Int64: Date] = [:]
            for mark in marks {
                if latest[mark.deviceId]?.condition != mark.condition { since[mark.deviceId] = mark.markedAt }
                latest[mark.deviceId] = mark
            }
            return try Self.devices(includeRetired: includeRetired, includeInternetLinks: false, in: db)
                .map { ($0, $0.id.flatMap { latest[$0] }, $0.id.flatMap { since[$0] }) }
        }
    }

    /// The active devices that have an address, keyed by it: what is already known on the network.
    public func knownAddresses(includeInternetLinks: Bool = false) throws -> [String: Device] {
        try database.read { db in
            let devices = try Self.devices(includeRetired: false, includeInternetLinks: includeInternetLinks, in: db)
            return Dictionary(devices.filter { !$0.address.isEmpty }.map { ($0.address, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// The change log after `sequence`, oldest first, at most `limit` entries (see `StoreChange`).
    ///
    /// Start from 0; then pass the last entry's `sequence` to read on.
    public func changes(since sequence: Int64, limit: Int = 1_000) throws -> [StoreChange] {
        try database.read { db in
            try StoreChange.fetchAll(db, sql: """
                SELECT * FROM "change" WHERE sequence > ? ORDER BY sequence LIMIT ?
                """, arguments: [sequence, max(0, limit)])
        }
    }

    /// The newest change's sequence number, 0 when the log is empty: a cheap "has anything
    /// changed since?" for readers that keep what they built (the web page's status cache).
    public func latestChangeSequence() throws -> Int64 {
        try database.read { db in
            try Int64.fetchOne(db, sql: #"SELECT MAX(sequence) FROM "change""#) ?? 0
        }
    }
}
