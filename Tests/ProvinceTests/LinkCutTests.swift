import Foundation
import Inventory
import TestSupport
import Testing

/// The link to the province cut mid-round: the commune in the test bed's prober namespace, the
/// province's PostgreSQL in its office namespace, the user-space relay between them stopped (no
/// FIN, no RST: a half-open link) and started again.
@Suite("Sync over a cut link", .serialized, .timeLimit(.minutes(10)))
struct LinkCutTests {
    static let now = ["KIEMKE_NOW": "2026-11-27T10:00:00+07:00"]
    static let roundDeadline = 15.0

    @Test("relay stopped mid-round: the round ends within its deadline, nothing acknowledged wrongly; relay back: the next round catches up")
    func linkCut() async throws {
        if let reason = PostgresServer.missing { print("skipped: \(reason)"); return }
        if let reason = Testbed.unavailableReason { print("skipped: \(reason)"); return }
        try await Testbed.with(delayMs: 1) { bed in
            let office = "kiemke-\(bed.name)-o", address = "198.18.0.2"
            let server = try await PostgresServer.start(namespace: office, extraAddresses: [address])
            let binary = Testbed.kiemkeBinary.path
            // The province side, run where the server is (its 127.0.0.1).
            func inOffice(_ command: String) async throws -> ChildProcess.Outcome {
                try await ChildProcess.outcome("/usr/sbin/ip", ["netns", "exec", office, "/bin/sh", "-c", command],
                                               environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8"].merging(Self.now) { $1 },
                                               seconds: 120)
            }
            let admin = server.adminURL
            let initialized = try await inOffice("'\(binary)' province init '\(admin)'")
            try #require(initialized.status == 0, "\(initialized.stderr)")
            let added = try await inOffice("printf 'mật-khẩu-A\\n' | '\(binary)' province add-office A 'Xã A' --url '\(admin)' --password-stdin")
            try #require(added.status == 0, "\(added.stderr)")

            let commune = try CommuneHistory(office: "UBND xã A", seed: 1, days: 4)
            let url = server.url(user: "kiemke_a", password: "mật-khẩu-A", host: address)
            let config = try CLIConfig.write(in: commune.folder, office: commune.office, url: url, code: "A", batchSize: 1,
                                             extra: "round_deadline = \"\(Int(Self.roundDeadline))s\"\n")
            let log = commune.folder.url.appendingPathComponent("sync.log")
            let sync = try ChildProcess(Testbed.script.path, ["exec", bed.name, "--", binary, "sync", "--once", "--db", commune.path,
                                                              "--config", config], output: log.path)
            // Cut the link once the province has acknowledged some batches, the round still going.
            var waited = 0
            while try commune.store.syncCursor().sequence == 0 && waited < 12_000 && sync.isRunning {
                try await Task.sleep(for: .milliseconds(10))
                waited += 1
            }
            let acknowledged = try commune.store.syncCursor().sequence, running = sync.isRunning
            try #require(acknowledged > 0 && running,
                         "the round should be under way with batches acknowledged (cursor \(acknowledged), running \(running), waited \(waited / 100) s): \(sync.log)")
            let relay = try Self.relayPid(bed)
            kill(relay, SIGSTOP)
            let cut = ContinuousClock.now
            let status = await sync.wait(seconds: Self.roundDeadline + 45)
            let elapsed = ContinuousClock.now - cut
            let took = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            kill(relay, SIGCONT)
            #expect(status == 1, "sync --once over a cut link: \(status.map(String.init) ?? "still running") \(sync.log)")
            #expect(took < Self.roundDeadline + 15, "the round ended \(took) s after the cut; its deadline is \(Self.roundDeadline) s")
            let pending = try commune.store.syncStatus()
            #expect(!pending.isCaughtUp, "the round ended before the cut; make it longer")
            // Nothing acknowledged that the province did not commit.
            let committed = try await inOffice("PGPASSWORD='\(PostgresServer.superuserPassword)' \(PostgresServer.bin)/psql -h 127.0.0.1 -p \(server.port) -U postgres -tAc \"SELECT synced_sequence FROM office WHERE code = 'A'\" postgres")
            let provinceSequence = Int64(committed.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
            #expect(provinceSequence != nil, "\(committed.stderr)")
            #expect(pending.cursor.sequence <= provinceSequence ?? -1, "acknowledged \(pending.cursor.sequence), committed \(provinceSequence ?? -1)")

            // The link back: the next round catches up, and the province's copy gives the local report.
            let again = try await bed.kiemke(["sync", "--once", "--db", commune.path, "--config", config])
            #expect(again.status == 0, "\(again.stderr)")
            #expect(try commune.store.syncStatus().isCaughtUp)
            let local = try await ChildProcess.kiemke(["report", "--period", "2026-H2", "--format", "json", "--db", commune.path,
                                                       "--config", config], environment: Self.now)
            let central = try await inOffice("'\(binary)' report --from-province '\(admin)' --office A --period 2026-H2 --format json --config '\(config)'")
            #expect(local.status == 0 && central.status == 0, "\(local.stderr) \(central.stderr)")
            #expect(central.stdout == local.stdout)
            try await server.stop()
        }
    }

    /// The pid of the test bed's relay (`scripts/testbed` keeps it in its state folder).
    static func relayPid(_ bed: Testbed) throws -> pid_t {
        let state = ProcessInfo.processInfo.environment["KIEMKE_TESTBED_STATE"] ?? "/run/kiemke-testbed"
        let text = try String(contentsOfFile: "\(state)/\(bed.name).relay.pid", encoding: .utf8)
        guard let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)),
              (try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8))?.contains("tunrelay") == true else {
            throw KiemkeProcess.RunError("the test bed \(bed.name) has no running relay")
        }
        return pid
    }
}
