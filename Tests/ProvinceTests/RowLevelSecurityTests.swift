import Foundation
import Inventory
import PostgresNIO
import ProvinceStore
import ProvinceSync
import Testing

/// A commune's credentials write only its own rows and read nothing of another commune's.
@Suite("Row-level security", .serialized, .timeLimit(.minutes(10)))
struct RowLevelSecurityTests {
    @Test("commune A cannot read, change or delete B's rows, nor write rows as B")
    func isolation() async throws {
        if let reason = PostgresServer.missing { print("skipped: \(reason)"); return }
        let province = try await ProvinceFixture(offices: ["A", "B"])
        let b = try CommuneHistory(office: "UBND xã B", seed: 2, days: 1)
        try await SyncRound.run(store: b.store, settings: try province.settings(code: "B", office: b.office), logger: province.logger)
        let before = try await province.count("device", office: "B")
        #expect(before > 0)

        let a = try await province.connection(as: "A")
        for table in ["device", "condition_mark", "device_state", "state_change", "availability_day", "observation_day", "hour_coverage"] {
            let seen = try await a.rows(PostgresQuery(unsafeSQL: "SELECT COUNT(*)::int8 FROM \(table)"), what: "read")
            #expect(try seen.first?.decode(Int64.self) == 0, "A sees rows of \(table)")
        }
        let offices = try await a.rows("SELECT code FROM office", what: "read")
        #expect(try offices.map { try $0.decode(String.self) } == ["A"])

        // Writing as B: PostgreSQL refuses.
        await #expect(throws: ProvinceError.self) {
            try await a.execute("""
                INSERT INTO device (office, uuid, local_id, name, name_key, kind, address, location, note, role, created_at, entered_at)
                VALUES ('B', gen_random_uuid(), 999, 'x', 'x', 'computer', '', '', '', 'equipment', now(), now())
                """, what: "an insert as B")
        }
        let updated = try await a.rows("UPDATE device SET name = 'hacked' WHERE office = 'B' RETURNING 1", what: "update")
        #expect(updated.isEmpty)
        let deleted = try await a.rows("DELETE FROM availability_day WHERE office = 'B' RETURNING 1", what: "delete")
        #expect(deleted.isEmpty)
        // Moving its own row to B is refused too.
        await #expect(throws: ProvinceError.self) {
            try await a.execute("UPDATE office SET code = 'B2'", what: "an office change")
        }
        await a.close()
        #expect(try await province.count("device", office: "B") == before)
        let admin = try await province.adminConnection()
        let names = try await admin.rows("SELECT COUNT(*)::int8 FROM device WHERE name = 'hacked'", what: "check")
        #expect(try names.first?.decode(Int64.self) == 0)
        await admin.close()
    }

    @Test("a commune sending rows for another office gets a clear error and nothing is written")
    func wrongOffice() async throws {
        if let reason = PostgresServer.missing { print("skipped: \(reason)"); return }
        let province = try await ProvinceFixture(offices: ["A", "B"])
        let commune = try CommuneHistory(office: "UBND xã A", seed: 1, days: 1)
        // A's credentials, but the config says office B.
        let settings = try province.settings(code: "B", office: commune.office, credentials: "A")
        await #expect(throws: ProvinceError.wrongOffice(user: "kiemke_a", configured: "B", actual: "A")) {
            try await SyncRound.run(store: commune.store, settings: settings, logger: province.logger)
        }
        #expect(try await province.count("device", office: "A") == 0)
        #expect(try await province.count("device", office: "B") == 0)
        let status = try commune.store.syncStatus()
        #expect(status.cursor.sequence == 0)
        #expect(status.lastError?.contains("belongs to office A") == true)
    }
}
