import Foundation
import GRDB
import Testing
import TestSupport

/// A printer served by snmpsim from a recording whose sysUpTime and error state can be SET
/// (snmpsim's writecache variation), so a test can make it "reboot" and "jam" on loopback.
struct WritablePrinter {
    let child: SNMPChildProcess
    let port: UInt16
    static let responder = "/opt/snmpsim-venv/bin/snmpsim-command-responder"

    static var unavailableReason: String? {
        if let reason = SNMPSimulator.unavailableReason { return reason }
        if !FileManager.default.isExecutableFile(atPath: "/usr/bin/snmpset") { return "snmpset is not installed" }
        return nil
    }

    init(folder: TemporaryDirectory) async throws {
        let recording = try String(contentsOf: try #require(SharedFixtures.shared("snmp/recordings/brother.snmprec")), encoding: .utf8)
        let writable = recording.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if line.hasPrefix("1.3.6.1.2.1.1.3.0|67|") { return "1.3.6.1.2.1.1.3.0|67:writecache|value=" + line.dropFirst(21) }
            if line.hasPrefix("1.3.6.1.2.1.25.3.5.1.2.1|") { return "1.3.6.1.2.1.25.3.5.1.2.1|4x:writecache|value=00" }
            return String(line)
        }.joined(separator: "\n")
        let base = folder.url.appendingPathComponent("sim")
        let data = base.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: base.appendingPathComponent("cache"), withIntermediateDirectories: true)
        try writable.write(to: data.appendingPathComponent("printer.snmprec"), atomically: true, encoding: .utf8)
        port = SNMPChildProcess.freeUDPPort()
        var arguments = [Self.responder, "--data-dir=\(data.path)", "--cache-dir=\(base.appendingPathComponent("cache").path)",
                         "--agent-udpv4-endpoint=127.0.0.1:\(port)"]
        if SharedFixtures.isRoot {
            SNMPChildProcess.run(["/bin/chmod", "-R", "755", folder.url.path])
            SNMPChildProcess.run(["/bin/chown", "-R", "snmpsim:snmpsim", base.path])
            arguments += ["--process-user=snmpsim", "--process-group=snmpsim"]
        }
        child = try SNMPChildProcess(arguments: arguments, logFile: folder.url.appendingPathComponent("snmpsim.log"))
        guard await SNMPChildProcess.waitUntilAnswering(["-v2c", "-c", "printer", "127.0.0.1:\(port)", "1.3.6.1.2.1.1.3.0"], seconds: 60) else {
            child.stop()
            throw SimulatorError("snmpsim did not answer within 60 s:\n\(child.log())")
        }
        // The recording's "00" would read as the text "00"; the printer starts without errors.
        try set("1.3.6.1.2.1.25.3.5.1.2.1", "x", "00")
    }

    /// SETs one value (snmpset type letter: t for TimeTicks, x for hex octets).
    func set(_ oid: String, _ type: String, _ value: String) throws {
        let status = SNMPChildProcess.run(["/usr/bin/snmpset", "-v2c", "-c", "printer", "-t", "2", "-r", "2",
                                           "127.0.0.1:\(port)", oid, type, value])
        guard status == 0 else { throw SimulatorError("snmpset \(oid) \(type) \(value) failed (\(status))") }
    }
}

@Suite("Daemon: facts on their own clock, and at once on a reboot or a printer error", .serialized,
       .enabled(if: CLI.available && WritablePrinter.unavailableReason == nil,
                "\(WritablePrinter.unavailableReason ?? "the kiemke binary is not built; run `swift build` first")"))
struct FactsClockTests {
    static func facts(_ cli: CLI) throws -> (observations: Int, withFacts: Int, answeredBy: String, lastFacts: String) {
        let queue = try DatabaseQueue(path: cli.database)
        defer { try? queue.close() }
        return try queue.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM observation")!,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM observation WHERE facts IS NOT NULL")!,
             try String.fetchOne(db, sql: "SELECT answeredBy FROM observation ORDER BY id DESC LIMIT 1") ?? "",
             try String.fetchOne(db, sql: "SELECT lastFacts FROM deviceState") ?? "")
        }
    }

    @Test("a printer is read once, then checked by one SNMP GET; sysUpTime going backwards and a jam make it read at once")
    func rebootAndJam() async throws {
        let cli = CLI()
        let printer = try await WritablePrinter(folder: cli.folder)
        try cli.folder.write("devices.csv", """
            name,kind,address,snmp_version,snmp_community,snmp_port
            PRN-1,printer,127.0.0.1,2c,printer,\(printer.port)

            """)
        #expect(try await cli.run("devices", "import", cli.folder.path("devices.csv")).status == 0)
        let config = try cli.folder.write("k.toml", "[probe]\ntimeout = \"500ms\"\nretries = 1\nfacts_interval = \"1h\"\n")
        let daemon = try BackgroundProcess(KiemkeProcess.binary!, ["daemon", "--interval", "1s", "--log-level", "debug", "--config", config.path],
                                           environment: ["KIEMKE_DB": cli.database],
                                           logFile: cli.folder.url.appendingPathComponent("daemon.log"))
        #expect(try await Wait.until(20, every: .milliseconds(200)) { try Self.facts(cli).withFacts >= 1 }, "\(daemon.log)")
        #expect(try await Wait.until(20, every: .milliseconds(200)) { try Self.facts(cli).observations >= 4 }, "\(daemon.log)")
        var now = try Self.facts(cli)
        #expect(now.withFacts == 1, "facts are not read on every cycle: \(now)")
        #expect(now.answeredBy == "snmp", "a printer is checked by its one SNMP GET (uptime and error state)")

        try printer.set("1.3.6.1.2.1.1.3.0", "t", "100")
        #expect(try await Wait.until(15, every: .milliseconds(200)) { try Self.facts(cli).withFacts >= 2 }, "reboot: \(daemon.log)")
        #expect(daemon.log.contains("why=rebooted"), "\(daemon.log)")

        now = try Self.facts(cli)
        #expect(!now.lastFacts.contains("jammed"))
        try printer.set("1.3.6.1.2.1.25.3.5.1.2.1", "x", "04")
        #expect(try await Wait.until(15, every: .milliseconds(200)) { try Self.facts(cli).lastFacts.contains("jammed") }, "jam: \(daemon.log)")
        #expect(daemon.log.contains("why=printer error") || daemon.log.contains("why=\"printer error\""), "\(daemon.log)")

        let status = try await cli.run("status", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        let device = try #require((object["devices"] as? [[String: Any]])?.first)
        #expect(device["facts_at"] as? String != nil, "status says when the facts were read: \(device)")
        #expect(try await cli.run("status").stdout.contains("FACTS"))
        daemon.send(SIGTERM)
        #expect(await daemon.wait(seconds: 10) == 0)
        // snmpsim is stopped by its guard when the test process ends (stopping it here would wait on it
        // from a cooperative thread).
    }
}
