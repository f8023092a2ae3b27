import Foundation
import Inventory
import PostgresNIO

/// Writes one commune batch into the central copy, in one transaction, as idempotent upserts keyed
/// on (office, uuid), (office, device, day) and (office, local id): a batch sent twice (the
/// acknowledgement lost after the commit) leaves the same rows as once.
public enum CommuneUpload {
    /// What the commune says about itself each round.
    public struct Office: Sendable {
        public var code: String
        public var name: String
        public var profile: OfficeProfile

        public init(code: String, name: String, profile: OfficeProfile) {
            self.code = code
            self.name = name
            self.profile = profile
        }
    }

    /// Checks that the logged-in role is `office.code`'s, then writes `batch`; returns the bytes of
    /// rows sent. Nothing is written when the role belongs to another office.
    @discardableResult
    public static func send(_ batch: SyncBatch, office: Office, on connection: ProvinceConnection) async throws -> Int {
        let encoder = JSONEncoder()
        func json(_ value: some Encodable) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
        let profile = try json(office.profile)
        // A NULL column is left out of its row (jsonb_to_recordset reads a missing key as NULL): fewer bytes each round.
        func rows(_ records: [SyncBatch.Record]) throws -> String { try json(records.map { $0.filter { $0.value != .null } }) }
        let parts = (devices: try rows(batch.devices), marked: try json(batch.markedDevices), marks: try rows(batch.marks),
                     states: try rows(batch.states), changes: try rows(batch.stateChanges), days: try rows(batch.days),
                     coverage: try rows(batch.hourCoverage), observed: try rows(batch.observationDays))
        let bytes = profile.utf8.count + parts.devices.utf8.count + parts.marked.utf8.count + parts.marks.utf8.count
            + parts.states.utf8.count + parts.changes.utf8.count + parts.days.utf8.count + parts.coverage.utf8.count
            + parts.observed.utf8.count
        let code = office.code
        try await connection.transaction { c in
            let rows = try await c.rows("SELECT kiemke_current_office()", what: "the office check")
            let actual = try rows.first?.decode(String?.self)
            guard actual == code else {
                throw ProvinceError.wrongOffice(user: c.url.user, configured: code, actual: actual)
            }
            try await c.execute("""
                UPDATE office SET commune_name = \(office.name), profile = \(profile)::jsonb WHERE code = \(code)
                """, what: "the office row")
            if !batch.devices.isEmpty {
                try await c.execute("""
                    INSERT INTO device (office, uuid, local_id, name, name_key, kind, address, location, note, snmp_version,
                                        snmp_port, schedule, role, poll_interval, created_at, entered_at, retired_at)
                    SELECT \(code), r.uuid, r.local_id, r.name, r.name_key, r.kind, r.address, r.location, r.note,
                           r.snmp_version, r.snmp_port, r.schedule, r.role, r.poll_interval, r.created_at, r.entered_at, r.retired_at
                    FROM jsonb_to_recordset(\(parts.devices)::jsonb) AS r(uuid uuid, local_id bigint, name text, name_key text,
                         kind text, address text, location text, note text, snmp_version text, snmp_port integer, schedule text,
                         role text, poll_interval float8, created_at timestamptz, entered_at timestamptz, retired_at timestamptz)
                    ON CONFLICT (office, uuid) DO UPDATE SET local_id = EXCLUDED.local_id, name = EXCLUDED.name,
                        name_key = EXCLUDED.name_key, kind = EXCLUDED.kind, address = EXCLUDED.address,
                        location = EXCLUDED.location, note = EXCLUDED.note, snmp_version = EXCLUDED.snmp_version,
                        snmp_port = EXCLUDED.snmp_port, schedule = EXCLUDED.schedule, role = EXCLUDED.role,
                        poll_interval = EXCLUDED.poll_interval, created_at = EXCLUDED.created_at,
                        entered_at = EXCLUDED.entered_at, retired_at = EXCLUDED.retired_at
                    """, what: "the devices")
            }
            if !batch.markedDevices.isEmpty {
                // A device's marks are replaced as a whole: the commune sends all of them.
                try await c.execute("""
                    DELETE FROM condition_mark WHERE office = \(code)
                    AND device IN (SELECT value::uuid FROM jsonb_array_elements_text(\(parts.marked)::jsonb))
                    """, what: "the condition marks")
                try await c.execute("""
                    INSERT INTO condition_mark (office, device, local_id, condition, note, marked_by, marked_at, entered_at)
                    SELECT \(code), r.device, r.local_id, r.condition, r.note, r.marked_by, r.marked_at, r.entered_at
                    FROM jsonb_to_recordset(\(parts.marks)::jsonb) AS r(device uuid, local_id bigint, condition text,
                         note text, marked_by text, marked_at timestamptz, entered_at timestamptz)
                    ON CONFLICT (office, device, local_id) DO UPDATE SET condition = EXCLUDED.condition,
                        note = EXCLUDED.note, marked_by = EXCLUDED.marked_by, marked_at = EXCLUDED.marked_at,
                        entered_at = EXCLUDED.entered_at
                    """, what: "the condition marks")
            }
            if !batch.states.isEmpty {
                try await c.execute("""
                    INSERT INTO device_state (office, device, state, since, last_probe, last_up, last_answered_by, last_rtt_ms,
                                              last_error, failures, first_failure_at, pending_from, last_facts, last_facts_at)
                    SELECT \(code), r.device, r.state, r.since, r.last_probe, r.last_up <> 0, r.last_answered_by, r.last_rtt_ms,
                           r.last_error, r.failures, r.first_failure_at, r.pending_from, r.last_facts, r.last_facts_at
                    FROM jsonb_to_recordset(\(parts.states)::jsonb) AS r(device uuid, state text, since timestamptz,
                         last_probe timestamptz, last_up integer, last_answered_by text, last_rtt_ms float8, last_error text,
                         failures integer, first_failure_at timestamptz, pending_from timestamptz, last_facts text,
                         last_facts_at timestamptz)
                    ON CONFLICT (office, device) DO UPDATE SET state = EXCLUDED.state, since = EXCLUDED.since,
                        last_probe = EXCLUDED.last_probe, last_up = EXCLUDED.last_up,
                        last_answered_by = EXCLUDED.last_answered_by, last_rtt_ms = EXCLUDED.last_rtt_ms,
                        last_error = EXCLUDED.last_error, failures = EXCLUDED.failures,
                        first_failure_at = EXCLUDED.first_failure_at, pending_from = EXCLUDED.pending_from,
                        last_facts = EXCLUDED.last_facts, last_facts_at = EXCLUDED.last_facts_at
                    """, what: "the device states")
            }
            if !batch.stateChanges.isEmpty {
                try await c.execute("""
                    INSERT INTO state_change (office, local_id, device, time, from_state, to_state, reason)
                    SELECT \(code), r.local_id, r.device, r.time, r.from_state, r.to_state, r.reason
                    FROM jsonb_to_recordset(\(parts.changes)::jsonb) AS r(local_id bigint, device uuid, time timestamptz,
                         from_state text, to_state text, reason text)
                    ON CONFLICT (office, local_id) DO UPDATE SET device = EXCLUDED.device, time = EXCLUDED.time,
                        from_state = EXCLUDED.from_state, to_state = EXCLUDED.to_state, reason = EXCLUDED.reason
                    """, what: "the state changes")
            }
            if !batch.days.isEmpty {
                // A day still running when it was last sent is sent again and replaces the copy. Its hours
                // come only for devices marked broken (the only ones the report needs them for).
                try await c.execute("""
                    INSERT INTO availability_day (office, device, day, up, down, off, broken, hours, received_at)
                    SELECT \(code), r.device, r.day, r.up, r.down, r.off, r.broken, COALESCE(r.hours, '[]'::jsonb), now()
                    FROM jsonb_to_recordset(\(parts.days)::jsonb) AS r(device uuid, day date, up float8, down float8,
                         off float8, broken float8, hours jsonb)
                    ON CONFLICT (office, device, day) DO UPDATE SET up = EXCLUDED.up, down = EXCLUDED.down,
                        off = EXCLUDED.off, broken = EXCLUDED.broken, hours = EXCLUDED.hours, received_at = now()
                    """, what: "the daily availability")
            }
            if !batch.hourCoverage.isEmpty {
                try await c.execute("""
                    INSERT INTO hour_coverage (office, hour, observed)
                    SELECT \(code), r.hour, r.observed FROM jsonb_to_recordset(\(parts.coverage)::jsonb) AS r(hour integer, observed float8)
                    ON CONFLICT (office, hour) DO UPDATE SET observed = EXCLUDED.observed
                    """, what: "the hourly coverage")
            }
            if !batch.observationDays.isEmpty {
                // Summaries merge (earliest, latest, any): the same observations sent twice change nothing.
                try await c.execute("""
                    INSERT INTO observation_day (office, device, day, first_time, last_time, answered, measured)
                    SELECT \(code), r.device, r.day, r.first_time, r.last_time, r.answered, r.measured
                    FROM jsonb_to_recordset(\(parts.observed)::jsonb) AS r(device uuid, day date, first_time timestamptz,
                         last_time timestamptz, answered boolean, measured boolean)
                    ON CONFLICT (office, device, day) DO UPDATE SET
                        first_time = LEAST(observation_day.first_time, EXCLUDED.first_time),
                        last_time = GREATEST(observation_day.last_time, EXCLUDED.last_time),
                        answered = observation_day.answered OR EXCLUDED.answered,
                        measured = observation_day.measured OR EXCLUDED.measured
                    """, what: "the observation summaries")
            }
            try await c.execute("""
                UPDATE office SET last_sync = now(), synced_sequence = GREATEST(synced_sequence, \(batch.next.sequence))
                WHERE code = \(code)
                """, what: "the office row")
        }
        return bytes
    }
}
