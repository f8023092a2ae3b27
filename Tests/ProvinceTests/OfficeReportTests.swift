import Foundation
import Inventory
import ProvinceStore
import ProvinceSync
import Testing

/// One commune's section from the central copy is the one it prints locally, byte for byte.
@Suite("Office report from the province", .serialized, .timeLimit(.minutes(10)))
struct OfficeReportTests {
    @Test("--office output equals the commune's local JSON report, before and after a later round")
    func sameJSON() async throws {
        if let reason = PostgresServer.missing { print("skipped: \(reason)"); return }
        let province = try await ProvinceFixture(offices: ["MINHDUC"])
        let commune = try CommuneHistory(office: "UBND xã Minh Đức", seed: 1)
        let settings = try province.settings(code: "MINHDUC", office: commune.office)
        let first = try await SyncRound.run(store: commune.store, settings: settings, logger: province.logger)
        #expect(first.changes > 0)
        #expect(try commune.store.syncStatus().isCaughtUp)

        let period = try ReportPeriod(parsing: CommuneHistory.period)
        let admin = try await province.adminConnection()
        let central = try await ProvinceReport.office("MINHDUC", on: admin, period: period, now: CommuneHistory.now).json()
        #expect(central == (try commune.localJSON()))
        for language in ReportLanguage.allCases {
            let centralText = try await ProvinceReport.office("MINHDUC", on: admin, period: period, now: CommuneHistory.now).text(language)
            #expect(centralText == (try commune.localReport().text(language)))
        }

        // A day still running was sent; more of it is recorded, a device marked: the next round replaces it.
        let later = CommuneHistory.now.addingTimeInterval(6 * 3600)
        var t = CommuneHistory.now
        while t < later {
            let all = try commune.store.devices(includeRetired: false, includeInternetLinks: true)
            try commune.store.record(all.compactMap { CommuneHistory.observation(of: $0, at: t, seed: 1) }, policy: CommuneHistory.policy)
            t += 900
        }
        _ = try commune.store.mark(named: "CAM-01", condition: .broken, note: "mất hình", by: "Lan", at: later.addingTimeInterval(-60))
        try await SyncRound.run(store: commune.store, settings: settings, logger: province.logger)
        let again = try await ProvinceReport.office("MINHDUC", on: admin, period: period, now: later).json()
        #expect(again == (try commune.localJSON(now: later)))
        #expect(again != central)
        await admin.close()
    }

    @Test("an office that never synced is refused with a message, an unknown one too")
    func unknownOffice() async throws {
        if let reason = PostgresServer.missing { print("skipped: \(reason)"); return }
        let province = try await ProvinceFixture(offices: ["A"])
        let admin = try await province.adminConnection()
        let period = try ReportPeriod(parsing: CommuneHistory.period)
        await #expect(throws: ProvinceError.unknownOffice("ZZ")) {
            try await ProvinceReport.office("ZZ", on: admin, period: period, now: CommuneHistory.now)
        }
        await #expect(throws: ProvinceError.self) {
            try await ProvinceReport.office("A", on: admin, period: period, now: CommuneHistory.now)
        }
        await admin.close()
    }
}
