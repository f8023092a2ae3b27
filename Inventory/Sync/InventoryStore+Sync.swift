import Foundation
import GRDB
import KiemkeCore

extension InventoryStore {
    /// What the province has acknowledged so far.
    public func syncCursor() throws -> SyncCursor {
        try database.read { db in try Self.cursor(db) }
    }

    /// What is pending, and how the last rounds went.
    public func syncStatus() throws -> SyncStatus {
        try database.read { db in
            let cursor = try Self.cursor(db)
            let row = try Row.fetchOne(db, sql: "SELECT lastSuccessAt, lastAttemptAt, lastError FROM syncState WHERE id = 1")
            return SyncStatus(
                cursor: cursor,
                pendingChanges: try Int.fetchOne(db, sql: #"SELECT COUNT(*) FROM "change" WHERE sequence > ?"#, arguments: [cursor.sequence]) ?? 0,
                pendingStateChanges: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM stateChange WHERE id > ?", arguments: [cursor.stateChange]) ?? 0,
                pendingObservations: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM observation WHERE id > ?", arguments: [cursor.observation]) ?? 0,
                lastSuccess: row?["lastSuccessAt"], lastAttempt: row?["lastAttemptAt"], lastError: row?["lastError"])
        }
    }

    /// Moves the acknowledged mark to `cursor`, which the province has committed. Never moves it back.
    ///
    /// Not stamped in the change log: where a copy stands is this machine's bookkeeping, not the office's data.
    public func acknowledgeSync(_ cursor: SyncCursor, at date: Date) throws {
        try write { writer in
            try writer.db.execute(sql: """
                UPDATE syncState SET acknowledged = MAX(acknowledged, ?), stateChangeMark = MAX(stateChangeMark, ?),
                    observationMark = MAX(observationMark, ?), lastAttemptAt = ? WHERE id = 1
                """, arguments: [cursor.sequence, cursor.stateChange, cursor.observation, date.storedPrecision])
        }
    }

    /// Records how a round ended: `error` nil when everything pending was acknowledged.
    public func recordSyncRound(at date: Date, error: String?) throws {
        try write { writer in
            if let error {
                try writer.db.execute(sql: "UPDATE syncState SET lastAttemptAt = ?, lastError = ? WHERE id = 1",
                                      arguments: [date.storedPrecision, error])
            } else {
                try writer.db.execute(sql: "UPDATE syncState SET lastAttemptAt = ?, lastSuccessAt = ?, lastError = NULL WHERE id = 1",
                                      arguments: [date.storedPrecision, date.storedPrecision])
            }
        }
    }

    /// Reads the next batch after `cursor`: at most `limit` change-log entries and state changes
    /// and `limit` x `observationsPerChange` observations, with the rows they name as they are
    /// now, in one read transaction.
    ///
    /// `hours` decides the local days (availability's hours are grouped by them) and which
    /// silences measured something (a computer's silence outside office hours does not).
    public func syncBatch(after cursor: SyncCursor, limit: Int, hours: OfficeHours) throws -> SyncBatch {
        try database.read { db in
            var batch = SyncBatch(next: cursor)
            let calendar = hours.calendar
            var deviceUUIDs: [String] = [], markUUIDs: [String] = [], stateUUIDs: [String] = []
            var dayKeys: [[String]] = []
            let changes = try Row.fetchAll(db, sql: """
                SELECT sequence, entity, entityId, day FROM "change" WHERE sequence > ? ORDER BY sequence LIMIT ?
                """, arguments: [cursor.sequence, limit])
            for row in changes {
                let entity: String = row["entity"], uuid: String = row["entityId"], day: String = row["day"]
                switch StoreChange.Entity(rawValue: entity) {
                case .device: deviceUUIDs.append(uuid)
                case .marks: markUUIDs.append(uuid)
                case .observations: stateUUIDs.append(uuid)
                case .availability: if !day.isEmpty { dayKeys.append([uuid, day]) }
                case nil: throw StoredValueError(table: "change", column: "entity", value: entity)
                }
                batch.next.sequence = row["sequence"]
            }
            batch.changeCount = changes.count

            batch.devices = try records(db, sql: """
                SELECT id AS local_id, uuid, name, nameKey AS name_key, kind, address, location, note,
                       snmpVersion AS snmp_version, snmpPort AS snmp_port, schedule, role, pollInterval AS poll_interval,
                       createdAt AS created_at, enteredAt AS entered_at, retiredAt AS retired_at
                FROM device WHERE uuid IN (SELECT value FROM json_each(?))
                """, list: deviceUUIDs)
            batch.markedDevices = markUUIDs
            // Hourly rows matter to the province only for devices marked broken (time inside a
            // broken mark moves to broken, hour by hour); a device that has just been marked sends
            // all of its days again, now with their hours.
            let brokenIds = Set(try Int64.fetchAll(db, sql: "SELECT DISTINCT deviceId FROM conditionMark WHERE condition = ?",
                                                   arguments: [Condition.broken.rawValue]))
            if !markUUIDs.isEmpty && !brokenIds.isEmpty {
                var known = Set(dayKeys.map { $0.joined(separator: "|") })
                let rows = try Row.fetchAll(db, sql: """
                    SELECT d.uuid, a.day FROM availabilityDay a JOIN device d ON d.id = a.deviceId
                    WHERE d.uuid IN (SELECT value FROM json_each(?)) AND a.deviceId IN (SELECT value FROM json_each(?))
                    ORDER BY a.deviceId, a.day
                    """, arguments: [try Self.jsonArray(markUUIDs), try Self.jsonArray(Array(brokenIds))])
                for row in rows {
                    let key: [String] = [row[0], row[1]]
                    if known.insert(key.joined(separator: "|")).inserted { dayKeys.append(key) }
                }
            }
            batch.marks = try records(db, sql: """
                SELECT d.uuid AS device, m.id AS local_id, m.condition, m.note, m.markedBy AS marked_by,
                       m.markedAt AS marked_at, m.enteredAt AS entered_at
                FROM conditionMark m JOIN device d ON d.id = m.deviceId
                WHERE d.uuid IN (SELECT value FROM json_each(?)) ORDER BY m.id
                """, list: markUUIDs)
            batch.states = try records(db, sql: """
                SELECT d.uuid AS device, s.state, s.since, s.lastProbe AS last_probe, s.lastUp AS last_up,
                       s.lastAnsweredBy AS last_answered_by, s.lastRttMs AS last_rtt_ms, s.lastError AS last_error,
                       s.failures, s.firstFailureAt AS first_failure_at, s.pendingFrom AS pending_from,
                       s.lastFacts AS last_facts, s.lastFactsAt AS last_facts_at
                FROM deviceState s JOIN device d ON d.id = s.deviceId WHERE d.uuid IN (SELECT value FROM json_each(?))
                """, list: stateUUIDs)
            (batch.days, batch.hourCoverage) = try days(db, keys: dayKeys, hoursOf: brokenIds, calendar: calendar)

            let stateChanges = try Row.fetchAll(db, sql: """
                SELECT c.id AS local_id, d.uuid AS device, c.time, c."from" AS from_state, c."to" AS to_state, c.reason
                FROM stateChange c JOIN device d ON d.id = c.deviceId WHERE c.id > ? ORDER BY c.id LIMIT ?
                """, arguments: [cursor.stateChange, limit])
            batch.stateChanges = stateChanges.map(Self.record)
            if let last = stateChanges.last { batch.next.stateChange = last["local_id"] }
            batch.stateChangeCount = stateChanges.count

            // Observations travel as per-device, per-day summaries, so many more fit in one batch.
            let (observationDays, count, lastObservation) = try observationDays(db, after: cursor.observation,
                                                                                limit: limit * Self.observationsPerChange, hours: hours)
            batch.observationDays = observationDays
            batch.observationCount = count
            if let lastObservation { batch.next.observation = lastObservation }
            return batch
        }
    }

    /// How many observations a batch reads per change-log entry it may read: a day of a
    /// hundred devices polled every five minutes (28,800) fits one batch of the default 2,000.
    static let observationsPerChange = 25

    private static func cursor(_ db: Database) throws -> SyncCursor {
        guard let row = try Row.fetchOne(db, sql: "SELECT acknowledged, stateChangeMark, observationMark FROM syncState WHERE id = 1") else {
            return SyncCursor()
        }
        return SyncCursor(sequence: row["acknowledged"], stateChange: row["stateChangeMark"], observation: row["observationMark"])
    }

    private func records(_ db: Database, sql: String, list: [String]) throws -> [SyncBatch.Record] {
        guard !list.isEmpty else { return [] }
        return try Row.fetchAll(db, sql: sql, arguments: [Self.jsonArray(list)]).map(Self.record)
    }

    /// The daily rows of `keys` ([uuid, day] pairs), those of devices in `hoursOf` with their day's hourly rows.
    private func days(_ db: Database, keys: [[String]], hoursOf: Set<Int64>,
                      calendar: Calendar) throws -> ([SyncBatch.Record], [SyncBatch.Record]) {
        guard !keys.isEmpty else { return ([], []) }
        let pairs = try Self.jsonArray(keys)
        var result = try Row.fetchAll(db, sql: """
            SELECT d.uuid AS device, d.id AS device_id, a.day, a.upSeconds AS up, a.downSeconds AS down,
                   a.offSeconds AS off, a.brokenSeconds AS broken
            FROM json_each(?) j
            JOIN device d ON d.uuid = json_extract(j.value, '$[0]')
            JOIN availabilityDay a ON a.deviceId = d.id AND a.day = json_extract(j.value, '$[1]')
            """, arguments: [pairs]).map(Self.record)
        // Each local day's UTC hours, from one calendar computation per distinct day.
        var hourRange: [String: Range<Int>] = [:]
        for record in result {
            guard case .string(let day)? = record["day"], hourRange[day] == nil, let key = DayKey(day) else { continue }
            let start = Int((key.start(in: calendar).timeIntervalSince1970 / 3600).rounded(.down))
            let end = Int((key.end(in: calendar).timeIntervalSince1970 / 3600).rounded(.up))
            hourRange[day] = start..<max(start, end)
        }
        let statement = try db.cachedStatement(sql: """
            SELECT hour, upSeconds, downSeconds, offSeconds, brokenSeconds FROM availabilityHour
            WHERE deviceId = ? AND hour >= ? AND hour < ? ORDER BY hour
            """)
        for index in result.indices {
            guard case .int(let deviceId)? = result[index]["device_id"], case .string(let day)? = result[index]["day"],
                  let range = hourRange[day] else { continue }
            result[index]["device_id"] = nil
            guard hoursOf.contains(Int64(deviceId)) else { continue }
            var hours: [JSONValue] = []
            let rows = try Row.fetchCursor(statement, arguments: [deviceId, range.lowerBound, range.upperBound])
            while let row = try rows.next() {
                hours.append(.array([.int(row[0]), .double(row[1]), .double(row[2]), .double(row[3]), .double(row[4])]))
            }
            result[index]["hours"] = .array(hours)
        }
        // One pass over the batch's hours, not one query per day: an initial sync's batch names every
        // day of the half-year. Hours between the days are dropped.
        var coverage: [SyncBatch.Record] = []
        let ranges = hourRange.values.sorted(by: { $0.lowerBound < $1.lowerBound })
        if let lower = ranges.first?.lowerBound, let upper = ranges.map(\.upperBound).max() {
            var index = 0
            for (hour, observed) in try Self.observedSeconds(hours: lower..<upper, in: db) {
                while index < ranges.count && ranges[index].upperBound <= hour { index += 1 }
                guard index < ranges.count, ranges[index].contains(hour) else { continue }
                coverage.append(["hour": .int(hour), "observed": .double(observed)])
            }
        }
        return (result, coverage)
    }

    /// Observations after `after` (at most `limit`), summed up per device and local day.
    private func observationDays(_ db: Database, after: Int64, limit: Int, hours: OfficeHours)
        throws -> ([SyncBatch.Record], Int, Int64?) {
        let calendar = hours.calendar
        let devices = Dictionary(uniqueKeysWithValues: try Device.fetchAll(db).compactMap { d in d.id.map { ($0, d) } })
        struct Summary { var first: String; var last: String; var answered: Bool; var measured: Bool }
        var summaries: [String: Summary] = [:]
        var order: [(String, String, String)] = []
        var dayStarts: [(start: Date, end: Date, text: String)] = []
        func day(of date: Date) -> String {
            if let hit = dayStarts.last(where: { $0.start <= date && date < $0.end }) { return hit.text }
            let key = DayKey(date, calendar: calendar)
            dayStarts.append((key.start(in: calendar), key.end(in: calendar), key.text))
            return key.text
        }
        var count = 0
        var lastId: Int64?
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, deviceId, time, up FROM observation WHERE id > ? ORDER BY id LIMIT ?
            """, arguments: [after, limit])
        while let row = try rows.next() {
            count += 1
            lastId = row["id"]
            let deviceId: Int64 = row["deviceId"]
            guard let device = devices[deviceId] else { continue }
            let text: String = row["time"], time: Date = row["time"], up: Bool = row["up"]
            let dayText = day(of: time)
            let key = device.uuid.uuidString + dayText
            var summary = summaries[key] ?? {
                order.append((key, device.uuid.uuidString, dayText))
                return Summary(first: text, last: text, answered: false, measured: false)
            }()
            summary.first = min(summary.first, text)
            summary.last = max(summary.last, text)
            if up { summary.answered = true; summary.measured = true }
            if !summary.measured && (!hours.follows(device) || hours.isOpen(at: time)) { summary.measured = true }
            summaries[key] = summary
        }
        let records: [SyncBatch.Record] = order.compactMap { key, uuid, day in
            guard let s = summaries[key] else { return nil }
            return ["device": .string(uuid), "day": .string(day), "first_time": .string(s.first), "last_time": .string(s.last),
                    "answered": .bool(s.answered), "measured": .bool(s.measured)]
        }
        return (records, count, lastId)
    }

    /// A row as a JSON object: each column's stored value (integers, reals, text, NULL).
    private static func record(_ row: Row) -> SyncBatch.Record {
        var record: SyncBatch.Record = [:]
        for (column, value) in row {
            switch value.storage {
            case .null: record[column] = .null
            case .int64(let n): record[column] = .int(Int(n))
            case .double(let d): record[column] = .double(d)
            case .string(let s): record[column] = .string(s)
            case .blob: record[column] = .null
            }
        }
        return record
    }

    private static func jsonArray(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }
}
