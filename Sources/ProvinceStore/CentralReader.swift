import Foundation
import GRDB
import Inventory
import PostgresNIO

/// Reads the central copy back: the offices, and each office's data as a `CentralCopy` from which
/// the commune's own report is computed.
public enum CentralReader {
    /// An office as the province knows it.
    public struct OfficeRow: Sendable {
        public var code: String
        /// The name `province add-office` gave it.
        public var name: String
        /// The name the commune's config gives ([sync] office_name); empty before its first round.
        public var communeName: String
        /// What its config said at its last round; nil before its first round.
        public var profile: OfficeProfile?
        /// When its last batch was committed.
        public var lastSync: Date?
    }

    /// Every office, by code.
    public static func offices(on connection: ProvinceConnection) async throws -> [OfficeRow] {
        let rows = try await connection.rows("""
            SELECT code, name, commune_name, profile::text, EXTRACT(EPOCH FROM last_sync)::float8 FROM office ORDER BY code
            """, what: "the offices")
        return try rows.map { row in
            let (code, name, communeName, profile, lastSync) = try row.decode((String, String, String, String?, Double?).self)
            var decoded: OfficeProfile?
            if let profile {
                do {
                    decoded = try JSONDecoder().decode(OfficeProfile.self, from: Data(profile.utf8))
                } catch {
                    throw ProvinceError.badCentralRow(table: "office", reason: "office \(code)'s profile: \(error)")
                }
            }
            return OfficeRow(code: code, name: name, communeName: communeName, profile: decoded,
                             lastSync: lastSync.map { Date(timeIntervalSince1970: $0) })
        }
    }

    /// Everything office `code` sent, as the commune's store holds it: for its own report.
    public static func copy(office code: String, on connection: ProvinceConnection) async throws -> CentralCopy {
        var copy = CentralCopy()
        (copy.devices, copy.states) = try await copyDevicesAndStates(code: code, on: connection)
        copy.marks = try await marks(connection, code: code)
        for row in try await connection.rows("""
            SELECT d.local_id, a.day::text, a.up, a.down, a.off, a.broken, a.hours::text
            FROM availability_day a JOIN device d ON d.office = a.office AND d.uuid = a.device
            WHERE a.office = \(code) ORDER BY d.local_id, a.day
            """, what: "the daily availability") {
            let (id, day, up, down, off, broken, hours) = try row.decode((Int64, String, Double, Double, Double, Double, String).self)
            copy.days.append(CentralCopy.Day(deviceId: id, day: day, totals: AvailabilityTotals(up: up, down: down, off: off, broken: broken),
                                             hours: try Self.hours(hours)))
        }
        copy.observationDays = try await observationDays(connection, code: code)
        copy.observedByHour = try await coverage(connection, office: code, fromHour: Int.min / 2, toHour: Int.max / 2)[code] ?? [:]
        return copy
    }

    /// Every office's data for a report on days `from` to `to`, summed by the server where the
    /// report needs only sums, in a handful of set-based queries over all offices (not a round of
    /// queries per office): for the province table. `hourRange` covers every office's span.
    public static func summaries(from: String, to: String, hourRange: Range<Int>,
                                 on connection: ProvinceConnection) async throws -> [String: CentralCopy] {
        var copies: [String: CentralCopy] = [:]
        for (office, device) in try await recordsByOffice(connection, what: "the devices", decode: CentralCopy.device,
                                                          devicesQuery(office: nil)) {
            copies[office, default: CentralCopy()].devices.append(device)
        }
        for (office, state) in try await recordsByOffice(connection, what: "the device states", decode: CentralCopy.state,
                                                         statesQuery(office: nil)) {
            copies[office, default: CentralCopy()].states.append(state)
        }
        for (office, mark) in try await recordsByOffice(connection, what: "the condition marks", decode: CentralCopy.mark,
                                                        marksQuery(office: nil)) {
            copies[office, default: CentralCopy()].marks.append(mark)
        }
        // Summed first, joined after: one (parallel) scan of the period's days and a hash
        // aggregate, then a hundred rows an office to join; joining first made the planner walk
        // the primary key device by device.
        for row in try await connection.rows("""
            SELECT s.office, d.local_id, s.up, s.down, s.off, s.broken
            FROM (SELECT office, device, SUM(up) AS up, SUM(down) AS down, SUM(off) AS off, SUM(broken) AS broken
                  FROM availability_day WHERE day BETWEEN \(from)::date AND \(to)::date GROUP BY office, device) s
            JOIN device d ON d.office = s.office AND d.uuid = s.device
            """, what: "the daily availability") {
            let (office, id, up, down, off, broken) = try row.decode((String, Int64, Double, Double, Double, Double).self)
            copies[office, default: CentralCopy()].days.append(
                CentralCopy.Day(deviceId: id, day: from, totals: AvailabilityTotals(up: up, down: down, off: off, broken: broken), hours: []))
        }
        // Only devices marked broken need their hours (time inside a broken mark moves to broken).
        var hours: [String: [Int64: [(hour: Int, totals: AvailabilityTotals)]]] = [:]
        for row in try await connection.rows("""
            SELECT a.office, d.local_id, a.hours::text FROM availability_day a JOIN device d ON d.office = a.office AND d.uuid = a.device
            WHERE a.day BETWEEN \(from)::date AND \(to)::date AND EXISTS (SELECT 1 FROM condition_mark m
                  WHERE m.office = a.office AND m.device = a.device AND m.condition = 'broken')
            """, what: "the hourly availability") {
            let (office, id, text) = try row.decode((String, Int64, String).self)
            hours[office, default: [:]][id, default: []] += try Self.hours(text)
        }
        for (office, byDevice) in hours {
            guard var copy = copies[office] else { continue }
            for index in copy.days.indices { copy.days[index].hours = byDevice[copy.days[index].deviceId] ?? [] }
            copies[office] = copy
        }
        for row in try await connection.rows("""
            SELECT o.office, d.local_id, \(unescaped: time("MIN(o.first_time)")), \(unescaped: time("MAX(o.last_time)")),
                   bool_or(o.answered), bool_or(o.measured)
            FROM observation_day o JOIN device d ON d.office = o.office AND d.uuid = o.device
            WHERE o.day BETWEEN \(from)::date AND \(to)::date GROUP BY o.office, d.local_id
            """, what: "the observation summaries") {
            let (office, id, first, last, answered, measured) = try row.decode((String, Int64, String, String, Bool, Bool).self)
            guard let firstDate = CentralCopy.time(first), let lastDate = CentralCopy.time(last) else {
                throw ProvinceError.badCentralRow(table: "observation_day", reason: "times \(first), \(last)")
            }
            copies[office, default: CentralCopy()].observationDays.append(
                CentralCopy.ObservationDay(deviceId: id, day: from, first: firstDate, last: lastDate, answered: answered, measured: measured))
        }
        for (office, observedByHour) in try await coverage(connection, office: nil, fromHour: hourRange.lowerBound,
                                                           toHour: hourRange.upperBound) {
            copies[office, default: CentralCopy()].observedByHour = observedByHour
        }
        return copies
    }

    private static func copyDevicesAndStates(code: String, on connection: ProvinceConnection) async throws -> (devices: [Device], states: [DeviceState]) {
        let devices = try await recordsByOffice(connection, what: "the devices", decode: CentralCopy.device, devicesQuery(office: code))
        let states = try await recordsByOffice(connection, what: "the device states", decode: CentralCopy.state, statesQuery(office: code))
        return (devices.map(\.1), states.map(\.1))
    }

    private static func marks(_ connection: ProvinceConnection, code: String) async throws -> [ConditionMark] {
        try await recordsByOffice(connection, what: "the condition marks", decode: CentralCopy.mark, marksQuery(office: code)).map(\.1)
    }

    /// The devices of `office` (of every office when nil), as the store's `device` columns plus `office`.
    private static func devicesQuery(office: String?) -> PostgresQuery {
        """
        SELECT office AS "office", local_id AS "id", upper(uuid::text) AS "uuid", name AS "name", name_key AS "nameKey", kind AS "kind",
               address AS "address", location AS "location", note AS "note", snmp_version AS "snmpVersion",
               NULL::text AS "snmpCommunity", snmp_port::int8 AS "snmpPort", schedule AS "schedule", role AS "role",
               poll_interval AS "pollInterval", \(unescaped: time("created_at")) AS "createdAt",
               \(unescaped: time("entered_at")) AS "enteredAt", \(unescaped: time("retired_at")) AS "retiredAt"
        FROM device WHERE \(office)::text IS NULL OR office = \(office)::text ORDER BY office, local_id
        """
    }

    /// The probe states of `office`'s devices (every office's when nil).
    private static func statesQuery(office: String?) -> PostgresQuery {
        """
        SELECT s.office AS "office", d.local_id AS "deviceId", s.state AS "state", \(unescaped: time("s.since")) AS "since",
               \(unescaped: time("s.last_probe")) AS "lastProbe", s.last_up AS "lastUp", s.last_answered_by AS "lastAnsweredBy",
               s.last_rtt_ms AS "lastRttMs", s.last_error AS "lastError", s.failures::int8 AS "failures",
               \(unescaped: time("s.first_failure_at")) AS "firstFailureAt", \(unescaped: time("s.pending_from")) AS "pendingFrom",
               s.last_facts AS "lastFacts", \(unescaped: time("s.last_facts_at")) AS "lastFactsAt"
        FROM device_state s JOIN device d ON d.office = s.office AND d.uuid = s.device
        WHERE \(office)::text IS NULL OR s.office = \(office)::text ORDER BY s.office, d.local_id
        """
    }

    /// The condition marks of `office`'s devices (every office's when nil).
    private static func marksQuery(office: String?) -> PostgresQuery {
        """
        SELECT m.office AS "office", m.local_id AS "id", d.local_id AS "deviceId", m.condition AS "condition", m.note AS "note",
               m.marked_by AS "markedBy", \(unescaped: time("m.marked_at")) AS "markedAt", \(unescaped: time("m.entered_at")) AS "enteredAt"
        FROM condition_mark m JOIN device d ON d.office = m.office AND d.uuid = m.device
        WHERE \(office)::text IS NULL OR m.office = \(office)::text ORDER BY m.office, m.marked_at, m.local_id
        """
    }

    private static func observationDays(_ connection: ProvinceConnection, code: String) async throws -> [CentralCopy.ObservationDay] {
        try await connection.rows("""
            SELECT d.local_id, o.day::text, \(unescaped: time("o.first_time")), \(unescaped: time("o.last_time")), o.answered, o.measured
            FROM observation_day o JOIN device d ON d.office = o.office AND d.uuid = o.device
            WHERE o.office = \(code) ORDER BY d.local_id, o.day
            """, what: "the observation summaries").map { row in
            let (id, day, first, last, answered, measured) = try row.decode((Int64, String, String, String, Bool, Bool).self)
            guard let firstDate = CentralCopy.time(first), let lastDate = CentralCopy.time(last) else {
                throw ProvinceError.badCentralRow(table: "observation_day", reason: "times \(first), \(last)")
            }
            return CentralCopy.ObservationDay(deviceId: id, day: day, first: firstDate, last: lastDate, answered: answered, measured: measured)
        }
    }

    /// The hours of `office` (of every office when nil) in which it observed anything: an office's
    /// hours come as two arrays in one row, not a row per hour (100 offices' half-year is 437,000
    /// hours, and decoding them row by row was most of the report's reading).
    private static func coverage(_ connection: ProvinceConnection, office: String?, fromHour: Int,
                                 toHour: Int) async throws -> [String: [Int: Double]] {
        var result: [String: [Int: Double]] = [:]
        // 100 offices' arrays are about 15 MB: with the default 4 MB of work_mem the aggregate
        // spilled to disk and took 2.6 times as long (EXPLAIN ANALYZE). Only for this statement.
        let rows = try await connection.transaction { connection in
            try await connection.execute("SET LOCAL work_mem = '64MB'", what: "the report's working memory")
            return try await connection.rows("""
                SELECT office, array_agg(hour::int8), array_agg(observed) FROM hour_coverage
                WHERE (\(office)::text IS NULL OR office = \(office)::text) AND hour >= \(fromHour) AND hour < \(toHour) AND observed > 0
                GROUP BY office
                """, what: "the hourly coverage")
        }
        for row in rows {
            let (code, hours, observed) = try row.decode((String, [Int64], [Double]).self)
            guard hours.count == observed.count else {
                throw ProvinceError.badCentralRow(table: "hour_coverage", reason: "office \(code): \(hours.count) hours, \(observed.count) values")
            }
            var byHour: [Int: Double] = [:]
            byHour.reserveCapacity(hours.count)
            for (hour, seconds) in zip(hours, observed) { byHour[Int(hour)] = seconds }
            result[code] = byHour
        }
        return result
    }

    /// A timestamptz column as the store's text ("2026-11-30 01:02:03.456", UTC; the session is in UTC).
    private static func time(_ column: String) -> String {
        "to_char(\(column), 'YYYY-MM-DD HH24:MI:SS.MS')"
    }

    private static func hours(_ text: String) throws -> [(hour: Int, totals: AvailabilityTotals)] {
        guard let array = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[Double]] else {
            throw ProvinceError.badCentralRow(table: "availability_day", reason: "hours is not a list of [hour, up, down, off, broken]")
        }
        return array.compactMap { h in
            h.count == 5 ? (Int(h[0]), AvailabilityTotals(up: h[1], down: h[2], off: h[3], broken: h[4])) : nil
        }
    }

    /// Runs `query` and decodes each row, made into a GRDB row with the same columns (but
    /// `office`, which comes back beside the value), with `decode`.
    private static func recordsByOffice<T>(_ connection: ProvinceConnection, what: String,
                                           decode: ([String: (any DatabaseValueConvertible)?]) throws -> T,
                                           _ query: PostgresQuery) async throws -> [(String, T)] {
        try await connection.rows(query, what: what).map { row in
            var values: [String: (any DatabaseValueConvertible)?] = [:]
            var office = ""
            for cell in row {
                if cell.columnName == "office" { office = try cell.decode(String.self); continue }
                guard cell.bytes != nil else { values.updateValue(nil, forKey: cell.columnName); continue }
                switch cell.dataType {
                case .int8: values[cell.columnName] = try cell.decode(Int64.self)
                case .int4: values[cell.columnName] = Int64(try cell.decode(Int32.self))
                case .float8: values[cell.columnName] = try cell.decode(Double.self)
                case .bool: values[cell.columnName] = try cell.decode(Bool.self)
                default: values[cell.columnName] = try cell.decode(String.self)
                }
            }
            do {
                return (office, try decode(values))
            } catch {
                throw ProvinceError.badCentralRow(table: what, reason: "\(error)")
            }
        }
    }
}
