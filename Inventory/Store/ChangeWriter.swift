import Foundation
import GRDB
import KiemkeCore

/// The only code that changes the store's data. `InventoryStore.write` opens a transaction and
/// hands its body one of these; each method makes one kind of change and stamps it in the change
/// log (`StoreChange`), so that nothing is written that a later sync would not hear of.
///
/// Stamps are collected while the body runs and written when it returns, one per changed entry:
/// a device added and marked in one transaction is one `device` and one `marks` entry.
///
/// Bulk changes (an import of 200,000 devices) run through the same methods: each uses one
/// prepared statement per connection, and a transaction's times, which are mostly one moment,
/// are formatted for SQLite once each (`DateFormatter` costs more than the insert).
struct ChangeWriter {
    /// The transaction's connection, for the reads a change depends on. Changes go through the methods below.
    let db: Database
    /// The entries to stamp, in the order first changed, and where each key is among them.
    private var entries: [Entry] = []
    private var positions: [StampKey: Int] = [:]
    /// The last time formatted for SQLite, and its text.
    private var lastTime: (date: Date, value: DatabaseValue)?
    /// The last device uuid formatted as text, and its text.
    private var lastUUID: (uuid: UUID, text: String)?
    /// The connection's page cache size before `prepareForBulk` raised it.
    private var defaultCacheSize: Int?

    init(db: Database) {
        self.db = db
    }

    /// Gives a transaction about to change `rows` devices a page cache that holds the indexes it
    /// touches, so that SQLite does not spill pages to the WAL and read them back before the
    /// commit (a 200,000-row import spent most of its time so); `finish` restores the default.
    mutating func prepareForBulk(rows: Int) throws {
        guard rows > 5_000, defaultCacheSize == nil else { return }
        defaultCacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        // A quarter of a KB of pages per device, capped at 64 MB: the rows, the change log and
        // the uuid index grow at their ends (see `flushStamps`, `DeviceImporter.parse`); what is
        // touched at random is the name index.
        try db.execute(sql: "PRAGMA cache_size = -\(min(rows / 4, 65_536))")
    }

    // MARK: - Devices

    /// Inserts `device` (its `id` is set) with its creation stamped.
    mutating func add(_ device: inout Device) throws {
        // The columns `Device`'s Codable conformance writes, in the same encodings (uuid as upper-case
        // text, enums as raw values, dates as GRDB's text), without encoding a container per row.
        let statement = try db.cachedStatement(sql: """
            INSERT INTO device (uuid, name, nameKey, kind, address, location, note, snmpVersion, snmpCommunity,
                                snmpPort, schedule, role, pollInterval, createdAt, enteredAt, retiredAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let arguments: [(any DatabaseValueConvertible)?] = [
            text(of: device.uuid), device.name, device.nameKey, device.kind.rawValue, device.address,
            device.location, device.note, device.snmpVersion?.rawValue, device.snmpCommunity, device.snmpPort,
            device.schedule?.rawValue, device.role.rawValue, device.pollInterval, value(of: device.createdAt),
            value(of: device.enteredAt), device.retiredAt.map { value(of: $0) },
        ]
        try statement.execute(arguments: StatementArguments(arguments))
        device.id = db.lastInsertedRowID
        stamp(.device, device.uuid, .added, at: device.createdAt)
    }

    /// Saves the edited fields of an existing device.
    mutating func update(_ device: Device, at date: Date) throws {
        try device.update(db)
        stamp(.device, device.uuid, .updated, at: date.storedPrecision)
    }

    /// Saves an edited device and the record of the edit (its `id` is set), for the history.
    mutating func edit(_ device: Device, record: inout DeviceEdit) throws {
        try device.update(db)
        try record.insert(db)
        stamp(.device, device.uuid, .updated, at: record.time)
    }

    /// Retires `device` at `date`: it leaves every count from then on; its history stays.
    mutating func retire(_ device: inout Device, at date: Date) throws {
        let retiredAt = date.storedPrecision
        device.retiredAt = retiredAt
        try device.update(db)
        stamp(.device, device.uuid, .retired, at: retiredAt)
    }

    // MARK: - Condition marks

    /// Appends a condition mark (its `id` is set) to `device`'s history.
    mutating func mark(_ mark: inout ConditionMark, of device: Device) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO conditionMark (deviceId, condition, note, markedBy, markedAt, enteredAt) VALUES (?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [mark.deviceId, mark.condition.rawValue, mark.note, mark.markedBy,
                                          value(of: mark.markedAt), value(of: mark.enteredAt)])
        mark.id = db.lastInsertedRowID
        stamp(.marks, device.uuid, .marked, at: mark.markedAt)
    }

    /// Saves a mark's new date (`markedAt`), when the device's in-service date it stated moved.
    mutating func redate(_ mark: ConditionMark, of device: Device) throws {
        try mark.update(db)
        stamp(.marks, device.uuid, .marked, at: mark.markedAt)
    }

    // MARK: - Probe results

    /// Writes a batch of probe results: observations, each device's new state and its state
    /// changes (whose ids are set).
    mutating func record(_ batch: inout ProbeBatch, devices: [Int64: Device]) throws {
        var latest: [Int64: Date] = [:]
        for index in batch.observations.indices {
            try batch.observations[index].insert(db)
            let observation = batch.observations[index]
            latest[observation.deviceId] = max(latest[observation.deviceId] ?? observation.time, observation.time)
        }
        for index in batch.changes.indices {
            try batch.changes[index].change.insert(db)
        }
        for (deviceId, entry) in batch.states.sorted(by: { $0.key < $1.key }) {
            if entry.isNew {
                try entry.state.insert(db)
            } else if batch.withoutFacts.contains(deviceId) {
                try entry.state.update(db, columns: DeviceState.columnsWithoutFacts)
            } else {
                try entry.state.update(db)
            }
            latest[deviceId] = max(latest[deviceId] ?? entry.state.lastProbe, entry.state.lastProbe)
        }
        for (deviceId, time) in latest.sorted(by: { $0.key < $1.key }) {
            guard let device = devices[deviceId] else { continue }
            stamp(.observations, device.uuid, .recorded, at: time)
        }
    }

    /// Adds the seconds `ledger` collected to the hourly and daily availability.
    mutating func credit(_ ledger: AvailabilityLedger, devices: [Int64: Device]) throws {
        try ledger.flush(into: db)
        for (bucket, time) in ledger.latestCredit.sorted(by: { ($0.key.deviceId, $0.key.day) < ($1.key.deviceId, $1.key.day) }) {
            guard let device = devices[bucket.deviceId] else { continue }
            stamp(.availability, device.uuid, day: bucket.day, .credited, at: time)
        }
    }

    /// Deletes raw observations older than `cutoff`; returns how many.
    ///
    /// Not stamped: pruning is this machine's housekeeping, not a change of the office's data
    /// that another copy should repeat (the rollups, which are kept, already hold the time).
    func pruneObservations(before cutoff: Date) throws -> Int {
        try Observation.filter(Column("time") < cutoff).deleteAll(db)
    }

    /// `date` as SQLite keeps it, formatted once for a run of equal times.
    private mutating func value(of date: Date) -> DatabaseValue {
        if let lastTime, lastTime.date == date { return lastTime.value }
        let value = date.databaseValue
        lastTime = (date, value)
        return value
    }

    // MARK: - The change log

    private struct StampKey: Hashable {
        var entity: StoreChange.Entity
        var uuid: UUID
        var day: String
    }

    private struct Entry {
        var key: StampKey
        /// `key.uuid` as the store keeps it.
        var text: String
        var kind: StoreChange.Kind
        var time: Date
    }

    private mutating func stamp(_ entity: StoreChange.Entity, _ uuid: UUID, day: String = "", _ kind: StoreChange.Kind, at time: Date) {
        let key = StampKey(entity: entity, uuid: uuid, day: day)
        let next = entries.count
        if let earlier = positions.updateValue(next, forKey: key) {
            positions[key] = earlier
            entries[earlier].kind = kind
            entries[earlier].time = time
        } else {
            entries.append(Entry(key: key, text: text(of: uuid), kind: kind, time: time))
        }
    }

    /// Writes the collected stamps and restores the connection's settings; `InventoryStore.write`
    /// calls it when the body has returned.
    mutating func finish() throws {
        try flushStamps()
        if let defaultCacheSize {
            try db.execute(sql: "PRAGMA cache_size = \(defaultCacheSize)")
            self.defaultCacheSize = nil
        }
    }

    private mutating func flushStamps() throws {
        // REPLACE deletes an entry's older stamp; AUTOINCREMENT gives the new one a sequence
        // number greater than any ever used, deleted ones included, in the order of the rows.
        // Up to `rowsPerInsert` entries per statement: one statement per entry costs more than the
        // insert itself when an import stamps 400,000 of them.
        // A large batch goes in the order of the log's unique index (entity, device), which SQLite
        // inserts far faster than random uuids; its entries commit together, so their relative
        // sequence numbers tell a reader nothing.
        if entries.count > 1_000 {
            entries.sort { a, b in
                if a.key.entity != b.key.entity { return a.key.entity.rawValue < b.key.entity.rawValue }
                let (x, y) = (a.key.uuid.storedOrder, b.key.uuid.storedOrder)
                return x != y ? x < y : a.key.day < b.key.day
            }
        }
        var start = 0
        while start < entries.count {
            let end = min(start + Self.rowsPerInsert, entries.count)
            let rows = end - start
            let statement = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO "change" (entity, entityId, day, kind, time) VALUES \
                \(Array(repeating: "(?, ?, ?, ?, ?)", count: rows).joined(separator: ", "))
                """)
            var values: [DatabaseValue] = []
            values.reserveCapacity(rows * 5)
            for entry in entries[start..<end] {
                values += [entry.key.entity.rawValue.databaseValue, entry.text.databaseValue, entry.key.day.databaseValue,
                           entry.kind.rawValue.databaseValue, value(of: entry.time)]
            }
            try statement.execute(arguments: StatementArguments(values))
            start = end
        }
        entries = []
        positions = [:]
    }

    /// Change-log entries per INSERT statement (5 variables each, well under SQLite's limit).
    private static let rowsPerInsert = 100

    /// `uuid` as the upper-case text the store keeps, formatted once for a run of the same device.
    private mutating func text(of uuid: UUID) -> String {
        if let lastUUID, lastUUID.uuid == uuid { return lastUUID.text }
        let text = uuid.uuidString
        lastUUID = (uuid, text)
        return text
    }
}
