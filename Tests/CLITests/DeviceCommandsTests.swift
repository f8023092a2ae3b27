import Foundation
import Testing
import TestSupport

/// Runs the built binary on a temporary database, as a user would.
struct CLI {
    let folder = TemporaryDirectory()
    var database: String { folder.path("kiemke.sqlite") }

    func run(_ arguments: String...) async throws -> KiemkeProcess.Outcome {
        try await run(arguments)
    }

    func run(_ arguments: [String]) async throws -> KiemkeProcess.Outcome {
        try await KiemkeProcess.run(arguments, environment: ["KIEMKE_DB": database, "USER": "tester"])
    }

    static var available: Bool { KiemkeProcess.binary != nil }
}

@Suite("CLI: devices, mark and history end to end", .enabled(if: CLI.available, "the kiemke binary is not built; run `swift build` first"))
struct DeviceCommandsTests {
    @Test("import the fixture, list it as JSON and CSV, mark a device, read its history",
          .enabled(if: SharedFixtures.shared("fixtures/minh-duc/devices.csv") != nil, "needs ../shared/fixtures"))
    func endToEnd() async throws {
        let cli = CLI()
        let csv = SharedFixtures.shared("fixtures/minh-duc/devices.csv")!.path
        let imported = try await cli.run("devices", "import", csv)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("44 added"))

        let json = try await cli.run("devices", "list", "--format", "json")
        #expect(json.status == 0)
        let devices = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(devices.count == 44)
        let photo = devices.first { $0["name"] as? String == "PHOTO-02" }
        #expect(photo?["condition"] as? String == "broken")
        #expect(photo?["location"] as? String == "Bộ phận một cửa")

        let mark = try await cli.run("mark", "cam-12", "hỏng", "--note", "mất tín hiệu", "--by", "Lan")
        #expect(mark.status == 0, "\(mark.stderr)")
        #expect(mark.stdout.contains("CAM-12: broken (đã bị hỏng)"))

        let history = try await cli.run("history", "CAM-12")
        #expect(history.status == 0)
        let lines = history.stdout.split(separator: "\n")
        #expect(lines.count == 4)  // title, header, the new mark, the import's mark
        #expect(lines[2].contains("marked broken") && lines[2].contains("Lan") && lines[2].contains("mất tín hiệu"))
        #expect(lines[3].contains("marked fair") && lines[3].contains("tester"))

        let show = try await cli.run("devices", "show", "Cam-12")
        #expect(show.stdout.contains("address:   127.20.4.12"))

        let list = try await cli.run("devices", "list", "--format", "csv")
        let again = CLI()
        try again.folder.write("list.csv", list.stdout)
        #expect(try await again.run("devices", "import", again.folder.path("list.csv")).status == 0)
        #expect(try await again.run("devices", "list", "--format", "csv").stdout == list.stdout)
    }

    @Test("global options may come before the command")
    func globalOptionsFirst() async throws {
        let cli = CLI()
        let other = cli.folder.path("other.sqlite")
        #expect(try await KiemkeProcess.run(["--db", other, "devices", "add", "PC-01", "--kind", "computer"]).status == 0)
        let listed = try await KiemkeProcess.run(["--db", other, "devices", "list", "--format", "csv"])
        #expect(listed.stdout.contains("PC-01,computer"))
    }

    @Test("add, remove and list with retired devices")
    func addAndRemove() async throws {
        let cli = CLI()
        #expect(try await cli.run("devices", "add", "PC-25", "--kind", "máy tính", "--address", "127.0.0.25", "--location", "Văn phòng").status == 0)
        #expect(try await cli.run("devices", "add", "pc-25", "--kind", "computer").status == 2)
        #expect(try await cli.run("devices", "remove", "PC-25").status == 0)
        #expect(try await cli.run("devices", "list").stdout.contains("0 devices"))
        let all = try await cli.run("devices", "list", "--all")
        #expect(all.stdout.contains("PC-25") && all.stdout.contains("(retired)"))
    }

    @Test("bad input exits 2 with a message naming the problem, and writes nothing")
    func badInput() async throws {
        let cli = CLI()
        try cli.folder.write("bad.csv", "name,kind,address\nPC-01,computer,127.0.0.1\nPC-02,toaster,127.0.0.2\n")
        let bad = try await cli.run("devices", "import", cli.folder.path("bad.csv"))
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("line 3, kind: \"toaster\" is not a kind"))
        #expect(bad.stderr.contains("nothing was imported"))
        #expect(try await cli.run("devices", "list").stdout.contains("0 devices"))

        let unknown = try await cli.run("mark", "PC-01", "broken")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no device named \"PC-01\""))

        let condition = try await cli.run("mark", "PC-01", "tuyệt vời")
        #expect(condition.status == 2)
        #expect(condition.stderr.contains("is not a condition"))

        let missing = try await cli.run("devices", "import", cli.folder.path("nope.csv"))
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.csv"))

        #expect(try await cli.run("no-such-command").status == 2)

        // Typed options: a typo is a usage error before anything runs.
        for arguments in [["probe", "127.0.0.1", "--v3-user", "u", "--v3-level", "authpirv"],
                          ["probe", "127.0.0.1", "--v3-user", "u", "--v3-priv-protocol", "AES-512"],
                          ["probe", "127.0.0.1", "--snmp-version", "4"],
                          ["daemon", "--interval", "soon"],
                          ["devices", "add", "PC-9", "--kind", "computer", "--interval", "5 minutes"]] {
            let typo = try await cli.run(arguments)
            #expect(typo.status == 2, "\(arguments): \(typo.stderr)")
            #expect(typo.stderr.contains("is invalid for"), "\(arguments): \(typo.stderr)")
        }
    }

    @Test("a config error exits 2 naming the file, line and key; --help exits 0 and documents exit codes")
    func configAndHelp() async throws {
        let cli = CLI()
        let config = try cli.folder.write("k.toml", "[probe]\nretries = \"x\"\n")
        let outcome = try await cli.run("devices", "list", "--config", config.path)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("k.toml:2: probe.retries must be a whole number"))
        let help = try await cli.run("--help")
        #expect(help.status == 0)
        #expect(help.stdout.contains("Exit codes: 0 success, 1 runtime failure, 2 usage or input error"))
    }

    @Test("an unusable database path exits 1 with a message naming it")
    func runtimeFailure() async throws {
        let cli = CLI()
        let blocker = try cli.folder.write("file", "x")
        let outcome = try await KiemkeProcess.run(["devices", "list", "--db", blocker.path + "/sub/k.sqlite"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains(blocker.path + "/sub"))
    }
}
