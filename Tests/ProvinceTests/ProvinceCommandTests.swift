import Foundation
import Inventory
import TestSupport
import Testing

/// The commands and flags of the contract, run as a user runs them.
@Suite("Province commands", .serialized, .timeLimit(.minutes(10)))
struct ProvinceCommandTests {
    static let now = ["KIEMKE_NOW": "2026-11-27T10:00:00+07:00"]

    func shell(_ command: String) async throws -> ChildProcess.Outcome {
        try await ChildProcess.shell(command)
    }

    @Test("init, add-office, sync --once, sync --status, report --from-province [--office]")
    func contract() async throws {
        if let reason = PostgresServer.missing { print("skipped: \(reason)"); return }
        guard let binary = KiemkeProcess.binary?.path else { print("skipped: the kiemke binary is not built"); return }
        let server = try await PostgresServer.start()
        let admin = server.adminURL

        let initialized = try await ChildProcess.kiemke(["province", "init", admin])
        #expect(initialized.status == 0, "\(initialized.stderr)")
        let again = try await ChildProcess.kiemke(["province", "init", admin])
        #expect(again.status == 0 && again.stdout.contains("up to date"), "\(again.stderr)")

        let added = try await shell("printf 'bí-mật-1\\n' | '\(binary)' province add-office MINHDUC 'Xã Minh Đức' --url '\(admin)' --password-stdin")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("kiemke_minhduc"))
        let badCode = try await shell("printf 'x\\n' | '\(binary)' province add-office 'MINH-DUC' 'X' --url '\(admin)' --password-stdin")
        #expect(badCode.status == 2)
        let noStdin = try await ChildProcess.kiemke(["province", "add-office", "X", "X", "--url", admin])
        #expect(noStdin.status == 2)

        let commune = try CommuneHistory(office: "UBND xã Minh Đức", seed: 1, days: 2)
        let url = server.url(user: "kiemke_minhduc", password: "bí-mật-1")
        let config = try CLIConfig.write(in: commune.folder, office: commune.office, url: url, code: "MINHDUC")
        let common = ["--db", commune.path, "--config", config]

        let before = try await ChildProcess.kiemke(["sync", "--status"] + common)
        #expect(before.status == 0)
        #expect(before.stdout.contains("last success: never"))
        let synced = try await ChildProcess.kiemke(["sync", "--once"] + common)
        #expect(synced.status == 0, "\(synced.stderr)")
        let status = try await ChildProcess.kiemke(["sync", "--status", "--json"] + common)
        let statusJSON = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        #expect(statusJSON["caught_up"] as? Bool == true)
        #expect(statusJSON["last_success"] is String)

        // One commune's section from the province: the local JSON report, byte for byte.
        let local = try await ChildProcess.kiemke(["report", "--period", "2026-H2", "--format", "json"] + common, environment: Self.now)
        #expect(local.status == 0, "\(local.stderr)")
        let central = try await ChildProcess.kiemke(["report", "--from-province", admin, "--office", "MINHDUC", "--period", "2026-H2",
                                                   "--format", "json", "--config", config], environment: Self.now)
        #expect(central.status == 0, "\(central.stderr)")
        #expect(central.stdout == local.stdout)

        let table = try await ChildProcess.kiemke(["report", "--from-province", admin, "--period", "2026-H2", "--format", "json",
                                                 "--config", config], environment: Self.now)
        #expect(table.status == 0, "\(table.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(table.stdout.utf8)) as? [String: Any])
        let offices = try #require(json["offices"] as? [[String: Any]])
        #expect(offices.count == 1)
        #expect(offices.first?["code"] as? String == "MINHDUC")
        #expect(offices.first?["name"] as? String == "Xã Minh Đức")
        #expect(offices.first?["last_sync"] is String)
        #expect(offices.first?["kinds"] as? NSDictionary == ((try JSONSerialization.jsonObject(with: Data(local.stdout.utf8)) as? [String: Any])?["kinds"] as? NSDictionary))
        #expect((json["totals"] as? [String: Any])?["kinds"] is [String: Any])
        for format in ["text", "markdown", "csv"] {
            for lang in ["vi", "en"] {
                let out = try await ChildProcess.kiemke(["report", "--from-province", admin, "--period", "2026-H2", "--format", format,
                                                       "--lang", lang, "--config", config], environment: Self.now)
                #expect(out.status == 0 && out.stdout.contains("MINHDUC"), "\(format) \(lang): \(out.stderr)")
            }
        }

        // The server gone: exit 1, and what was pending stays pending.
        let t = CommuneHistory.now
        let all = try commune.store.devices(includeRetired: false, includeInternetLinks: true)
        try commune.store.record(all.compactMap { CommuneHistory.observation(of: $0, at: t, seed: 1) }, policy: CommuneHistory.policy)
        try await server.stop()
        let down = try await ChildProcess.kiemke(["sync", "--once"] + common)
        #expect(down.status == 1)
        #expect(down.stderr.contains("province database"))
        #expect(!(try commune.store.syncStatus().isCaughtUp))
        let report = try await ChildProcess.kiemke(["report", "--from-province", admin, "--format", "json"], environment: Self.now)
        #expect(report.status == 1)

        // A URL that is no URL: a usage error.
        let bad = try await ChildProcess.kiemke(["province", "init", "mysql://x@y/z"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("postgres://"))
    }
}
