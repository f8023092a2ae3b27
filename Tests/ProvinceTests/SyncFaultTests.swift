import Foundation
import Inventory
import ProvinceStore
import ProvinceSync
import TestSupport
import Testing

/// Faults in the middle of a round: nothing lost, nothing doubled, the central copy still gives
/// the commune's own report.
@Suite("Sync faults", .serialized, .timeLimit(.minutes(10)))
struct SyncFaultTests {
    static var period: ReportPeriod { get throws { try ReportPeriod(parsing: CommuneHistory.period) } }

    func centralJSON(_ province: ProvinceFixture, _ code: String) async throws -> String {
        let admin = try await province.adminConnection()
        let json = try await ProvinceReport.office(code, on: admin, period: try Self.period, now: CommuneHistory.now).json()
        await admin.close()
        return json
    }

    @Test("a batch committed whose acknowledgement was never stored is sent again and absorbed")
    func retryAfterCommit() async throws {
        if let reason = PostgresServer.missing { print("skipped: \(reason)"); return }
        let province = try await ProvinceFixture(offices: ["A"])
        let commune = try CommuneHistory(office: "UBND xã A", seed: 1, days: 2)
        let settings = try province.settings(code: "A", office: commune.office)
        // The first batch reaches the province, then the commune dies before storing the acknowledgement.
        let batch = try commune.store.syncBatch(after: SyncCursor(), limit: 50, hours: CommuneHistory.hours)
        let connection = try await province.connection(as: "A")
        try await CommuneUpload.send(batch, office: settings.office, on: connection)
        await connection.close()
        #expect(try commune.store.syncCursor() == SyncCursor())
        let stateChanges = try await province.count("state_change", office: "A")
        #expect(stateChanges > 0)

        try await SyncRound.run(store: commune.store, settings: settings, logger: province.logger)
        #expect(try commune.store.syncStatus().isCaughtUp)
        #expect(try await centralJSON(province, "A") == (try commune.localJSON()))
        // Again from the start: the whole history a second time changes nothing.
        let again = try commune.store.syncBatch(after: SyncCursor(), limit: 1_000_000, hours: CommuneHistory.hours)
        let second = try await province.connection(as: "A")
        try await CommuneUpload.send(again, office: settings.office, on: second)
        await second.close()
        #expect(try await centralJSON(province, "A") == (try commune.localJSON()))
    }

    @Test("the server stopped mid-round: the round fails, what is pending stays, the next round catches up")
    func serverStopped() async throws {
        if let reason = PostgresServer.missing { print("skipped: \(reason)"); return }
        let province = try await ProvinceFixture(offices: ["A"])
        let commune = try CommuneHistory(office: "UBND xã A", seed: 1, days: 3)
        let settings = try province.settings(code: "A", office: commune.office, batchSize: 5)
        let store = commune.store, logger = province.logger
        let round = Task { try await SyncRound.run(store: store, settings: settings, logger: logger) }
        // Stop the server once some batches are acknowledged, the round still going.
        var waited = 0
        while try store.syncCursor().sequence == 0 && waited < 600 {
            try await Task.sleep(for: .milliseconds(20))
            waited += 1
        }
        try await province.server.stop()
        await #expect(throws: ProvinceError.self) { try await round.value }
        let pending = try store.syncStatus()
        #expect(!pending.isCaughtUp)
        #expect(pending.cursor.sequence > 0)
        #expect(pending.lastError != nil)

        try await province.server.start()
        try await SyncRound.run(store: store, settings: settings, logger: logger)
        #expect(try store.syncStatus().isCaughtUp)
        #expect(try store.syncStatus().lastError == nil)
        #expect(try await centralJSON(province, "A") == (try commune.localJSON()))
    }

    @Test("kiemke sync --once killed with -9 mid-round, then run again: nothing lost or doubled")
    func killedMidRound() async throws {
        if let reason = PostgresServer.missing { print("skipped: \(reason)"); return }
        guard KiemkeProcess.binary != nil else { print("skipped: the kiemke binary is not built"); return }
        let province = try await ProvinceFixture(offices: ["A"])
        let commune = try CommuneHistory(office: "UBND xã A", seed: 1, days: 3)
        let config = try CLIConfig.write(in: commune.folder, office: commune.office, url: province.communeURL("A"),
                                         code: "A", batchSize: 3)
        let log = commune.folder.url.appendingPathComponent("sync.log")
        let process = try ChildProcess.kiemke(["sync", "--once", "--db", commune.path, "--config", config], log: log)
        var waited = 0
        while try commune.store.syncCursor().sequence == 0 && waited < 1_500 && process.isRunning {
            try await Task.sleep(for: .milliseconds(10))
            waited += 1
        }
        process.send(SIGKILL)
        _ = await process.wait(seconds: 10)
        #expect(!(try commune.store.syncStatus().isCaughtUp), "the round ended before the kill; make it longer")

        let rerun = try await ChildProcess.kiemke(["sync", "--once", "--db", commune.path, "--config", config])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(try commune.store.syncStatus().isCaughtUp)
        #expect(try await centralJSON(province, "A") == (try commune.localJSON()))
    }
}
