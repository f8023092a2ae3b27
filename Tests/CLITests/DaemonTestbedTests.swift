import Foundation
import GRDB
import Testing
import TestSupport

/// The daemon polling hosts in a namespace test bed, where hosts can be taken down and links made lossy.
@Suite("Daemon in the namespace test bed: outages and lossy links", .serialized,
       .enabled(if: Testbed.unavailableReason == nil, "\(Testbed.unavailableReason ?? "")"))
struct DaemonTestbedTests {
    /// Imports `rows` (name,address) as cameras (expected up at all times) into a fresh database.
    static func database(_ cli: CLI, _ rows: [(String, String)]) async throws {
        let csv = "name,kind,address\n" + rows.map { "\($0.0),camera,\($0.1)\n" }.joined()
        try cli.folder.write("devices.csv", csv)
        let imported = try await cli.run("devices", "import", cli.folder.path("devices.csv"))
        guard imported.status == 0 else { throw KiemkeProcess.RunError(imported.stderr) }
    }

    /// Starts the daemon inside the test bed's prober namespace.
    static func daemon(_ testbed: Testbed, _ cli: CLI, _ extra: [String]) throws -> BackgroundProcess {
        try BackgroundProcess(Testbed.script, ["exec", testbed.name, "--", Testbed.kiemkeBinary.path, "daemon", "--log-level", "info"] + extra,
                              environment: ["KIEMKE_DB": cli.database], logFile: cli.folder.url.appendingPathComponent("daemon.log"))
    }

    /// The `up` field of every device in `kiemke status --format json`.
    static func upStates(_ cli: CLI) async throws -> [String: Bool?] {
        let status = try await cli.run("status", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        var result: [String: Bool?] = [:]
        for device in try #require(object["devices"] as? [[String: Any]]) {
            result[try #require(device["name"] as? String)] = device["up"] as? Bool
        }
        return result
    }

    /// Whether any probe of device `name` was answered over SNMP.
    static func answeredSNMP(_ cli: CLI, _ name: String) throws -> Bool {
        let queue = try DatabaseQueue(path: cli.database)
        defer { try? queue.close() }
        return try queue.read { db in
            try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM observation o JOIN device d ON d.id = o.deviceId
                               WHERE d.name = ? AND o.answeredBy LIKE '%snmp%')
                """, arguments: [name]) ?? false
        }
    }

    @Test("a host answering ping, TCP and snmpd taken down (route switched to blackhole) and brought back: outage, state changes and availability recorded")
    func outage() async throws {
        try await Testbed.with { testbed in
            let cli = CLI()
            #expect(try await testbed.office(["ip", "route", "add", "local", "198.18.5.0/24", "dev", "lo"]).status == 0)
            // net-snmp's snmpd answers SNMP for every office address, as an office's devices would.
            let snmpdConfig = try cli.folder.write("snmpd.conf", "rocommunity public 198.18.0.0/15\nsysLocation Trụ sở UBND xã\n")
            // It runs as a daemon inside the office namespace; tearing the test bed down stops it.
            let snmpdLog = cli.folder.url.appendingPathComponent("snmpd.log")
            let snmpd = try await testbed.office(["/usr/sbin/snmpd", "-C", "-c", snmpdConfig.path, "-Lf", snmpdLog.path,
                                                  "-p", cli.folder.path("snmpd.pid"), "udp:161"])
            #expect(snmpd.status == 0, "\(snmpd.stderr)")
            try await Self.database(cli, (1...8).map { ("CAM-\($0)", "198.18.1.\($0)") } + [("TARGET", "198.18.5.1")])
            let config = try cli.folder.write("k.toml", "[probe]\ntimeout = \"300ms\"\nretries = 1\n")
            let daemon = try Self.daemon(testbed, cli, ["--interval", "300ms", "--config", config.path])
            // Its first probe is the full read (SNMP included); later ones are the cheap liveness check.
            #expect(try await Wait.until(15, every: .milliseconds(200)) { try Self.answeredSNMP(cli, "TARGET") },
                    "\(daemon.log)\n\((try? String(contentsOf: snmpdLog, encoding: .utf8)) ?? "")")
            #expect(try await Self.upStates(cli)["TARGET"] == true)

            #expect(try await testbed.office(["ip", "route", "del", "local", "198.18.5.0/24", "dev", "lo", "table", "local"]).status == 0)
            #expect(try await testbed.office(["ip", "route", "add", "blackhole", "198.18.5.0/24"]).status == 0)
            #expect(try await Wait.until(15, every: .milliseconds(200)) { try await Self.upStates(cli)["TARGET"] == false }, "\(daemon.log)")
            try await Task.sleep(for: .seconds(2))
            #expect(try await testbed.office(["ip", "route", "del", "blackhole", "198.18.5.0/24"]).status == 0)
            #expect(try await testbed.office(["ip", "route", "add", "local", "198.18.5.0/24", "dev", "lo"]).status == 0)
            #expect(try await Wait.until(15, every: .milliseconds(200)) { try await Self.upStates(cli)["TARGET"] == true }, "\(daemon.log)")
            try await Task.sleep(for: .seconds(1))
            daemon.send(SIGTERM)
            #expect(await daemon.wait(seconds: 10) == 0)

            let history = try await cli.run("history", "TARGET").stdout
            let events = history.split(separator: "\n").filter { $0.contains("probe: ") }
            #expect(events.count == 3, "\(history)")
            #expect(events.first?.contains("probe: up") == true)
            #expect(events.dropFirst().first?.contains("probe: down") == true)

            let report = try #require(try JSONSerialization.jsonObject(with: Data(try await cli.run("report", "--format", "json").stdout.utf8)) as? [String: Any])
            let camera = try #require((report["kinds"] as? [String: [String: Any]])?["camera"])
            let down = try #require(camera["down_seconds"] as? Double)
            #expect(down >= 2, "the outage lasted over two seconds: \(camera)")
            #expect((try #require(camera["availability_pct"] as? Double)) < 100)
            // The other cameras never went down.
            let queue = try DatabaseQueue(path: cli.database)
            let downs = try await queue.read { try String.fetchAll($0, sql: "SELECT d.name FROM stateChange s JOIN device d ON d.id = s.deviceId WHERE s.\"to\" = 'down'") }
            #expect(downs == ["TARGET"])
            let changes = try await queue.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT s."from", s."to" FROM stateChange s JOIN device d ON d.id = s.deviceId
                    WHERE d.name = 'TARGET' ORDER BY s.time, s.id
                    """).map { "\($0["from"] as String? ?? "none")>\($0["to"] as String)" }
            }
            #expect(changes == ["none>up", "up>down", "down>up"], "TARGET's recorded state changes")
        }
    }

    @Test("on a link with 5% loss each way no healthy device is ever reported down")
    func lossyLink() async throws {
        try await Testbed.with(delayMs: 5, lossPct: 5) { testbed in
            let cli = CLI()
            try await Self.database(cli, (1...40).map { ("CAM-\($0)", "198.18.1.\($0)") })
            let config = try cli.folder.write("k.toml", "[probe]\ntimeout = \"400ms\"\nretries = 2\ndown_after = 2\n")
            let daemon = try Self.daemon(testbed, cli, ["--interval", "500ms", "--config", config.path])
            try await Task.sleep(for: .seconds(12))
            daemon.send(SIGTERM)
            #expect(await daemon.wait(seconds: 10) == 0, "\(daemon.log)")
            let queue = try DatabaseQueue(path: cli.database)
            let (observations, failed, downs) = try await queue.read { db in
                (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM observation")!,
                 try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM observation WHERE up = 0")!,
                 try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM stateChange WHERE \"to\" = 'down'")!)
            }
            #expect(observations >= 40 * 5, "the daemon probed every device many times")
            #expect(downs == 0, "\(failed) of \(observations) probes failed, and no device may be reported down")
        }
    }
}
