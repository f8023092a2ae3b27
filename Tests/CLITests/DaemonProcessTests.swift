import Foundation
import GRDB
import Testing
import TestSupport

/// A temporary database of loopback devices and a daemon process polling it.
struct DaemonFixture {
    let cli = CLI()

    init(devices: Int = 40) async throws {
        var csv = "name,kind,address,location,condition,note\n"
        for i in 1...devices {
            csv += "DEV-\(String(format: "%03d", i)),camera,127.21.\(i / 200).\(i % 200 + 1),Trụ sở,good,\n"
        }
        try cli.folder.write("devices.csv", csv)
        let imported = try await cli.run("devices", "import", cli.folder.path("devices.csv"))
        guard imported.status == 0 else { throw KiemkeProcess.RunError(imported.stderr) }
    }

    /// Starts the daemon; these loopback devices have no SNMP agent, so a short probe timeout keeps cycles short.
    func start(_ extra: [String] = [], config: URL? = nil) throws -> BackgroundProcess {
        var arguments = ["daemon", "--interval", "300ms", "--log-level", "info"] + extra
        let configFile = try config ?? cli.folder.write("fast.toml", "[probe]\ntimeout = \"200ms\"\nretries = 1\n")
        arguments += ["--config", configFile.path]
        return try BackgroundProcess(KiemkeProcess.binary!, arguments, environment: ["KIEMKE_DB": cli.database],
                                     logFile: cli.folder.url.appendingPathComponent("daemon-\(UUID().uuidString).log"))
    }

    func observationCount() throws -> Int {
        let queue = try DatabaseQueue(path: cli.database)
        defer { try? queue.close() }
        return try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM observation")! }
    }

    /// Waits until the daemon has committed at least one observation: the database says it polled.
    func waitForObservations(seconds: Double) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try observationCount() > 0 { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try observationCount() > 0
    }

    func integrity() throws -> String {
        let queue = try DatabaseQueue(path: cli.database)
        defer { try? queue.close() }
        return try queue.read { try String.fetchOne($0, sql: "PRAGMA integrity_check")! }
    }
}

@Suite("Daemon process: signals, crashes and concurrent use", .serialized,
       .enabled(if: CLI.available, "the kiemke binary is not built; run `swift build` first"))
struct DaemonProcessTests {
    @Test("SIGTERM finishes the in-flight write and exits 0 within a few seconds")
    func sigterm() async throws {
        let fixture = try await DaemonFixture()
        let daemon = try fixture.start()
        #expect(try await fixture.waitForObservations(seconds: 15), "\(daemon.log)")
        daemon.send(SIGTERM)
        #expect(await daemon.wait(seconds: 5) == 0, "\(daemon.log)")
        #expect(daemon.log.contains("unwritten=0"), "every result was written before the exit: \(daemon.log)")
        #expect(try fixture.observationCount() > 0)
    }

    @Test("kill -9 at any moment loses no committed observation and leaves a sound database; the next start resumes")
    func killNine() async throws {
        let fixture = try await DaemonFixture(devices: 120)
        var committed = 0
        for round in 0..<8 {
            let daemon = try fixture.start()
            // Kill at varied moments after polling began: before the first write, during writing, between
            // cycles. (Counted from "daemon started", not from the spawn: on a loaded machine the start-up
            // alone can outlast every moment, and no round would ever reach a write.)
            _ = await daemon.waitForLog("daemon started", seconds: 20)
            try await Task.sleep(for: .microseconds(round * 170_000))
            daemon.send(SIGKILL)
            _ = await daemon.wait(seconds: 5)
            #expect(try fixture.integrity() == "ok", "round \(round)")
            let count = try fixture.observationCount()
            #expect(count >= committed, "round \(round): committed observations were lost")
            committed = count
        }
        #expect(committed > 0)
        let status = try await fixture.cli.run("status", "--format", "json")
        #expect(status.status == 0)
    }

    @Test("the CLI marks devices and reads reports while the daemon writes, without 'database is locked'")
    func concurrentCLI() async throws {
        let fixture = try await DaemonFixture(devices: 150)
        let daemon = try fixture.start(["--interval", "100ms"])
        #expect(await daemon.waitForLog("daemon started", seconds: 10))
        for i in 0..<15 {
            let mark = try await fixture.cli.run("mark", "DEV-\(String(format: "%03d", i + 1))", i % 2 == 0 ? "fair" : "good", "--note", "lần \(i)")
            #expect(mark.status == 0, "\(mark.stderr)")
            let report = try await fixture.cli.run("report", "--format", "json")
            #expect(report.status == 0, "\(report.stderr)")
        }
        daemon.send(SIGTERM)
        #expect(await daemon.wait(seconds: 5) == 0)
        #expect(!daemon.log.contains("locked"))
    }

    @Test("SIGHUP reloads the config; an invalid one is logged and the previous one kept")
    func sighup() async throws {
        let fixture = try await DaemonFixture(devices: 5)
        let config = try fixture.cli.folder.write("k.toml", "[probe]\ntimeout = \"200ms\"\ndown_after = 3\n")
        let daemon = try fixture.start(config: config)
        #expect(await daemon.waitForLog("daemon started", seconds: 10))
        try fixture.cli.folder.write("k.toml", "[probe]\ntimeout = \"200ms\"\ndown_after = 2\n")
        daemon.send(SIGHUP)
        #expect(await daemon.waitForLog("config reloaded", seconds: 5), "\(daemon.log)")
        try fixture.cli.folder.write("k.toml", "[probe]\ndown_aftr = 2\n")
        daemon.send(SIGHUP)
        #expect(await daemon.waitForLog("config not reloaded", seconds: 5), "\(daemon.log)")
        #expect(daemon.log.contains("error=\(config.path):2: unknown key probe.down_aftr"), "\(daemon.log)")
        #expect(daemon.isRunning)
        daemon.send(SIGTERM)
        #expect(await daemon.wait(seconds: 5) == 0)
    }

    @Test("a device added while the daemon runs is probed without a restart")
    func pickUpNewDevice() async throws {
        let fixture = try await DaemonFixture(devices: 3)
        let daemon = try fixture.start()
        #expect(await daemon.waitForLog("daemon started", seconds: 10))
        #expect(try await fixture.cli.run("devices", "add", "NEW-01", "--kind", "camera", "--address", "127.21.9.9").status == 0)
        let deadline = Date().addingTimeInterval(15)
        var probed = false
        while Date() < deadline && !probed {
            let status = try await fixture.cli.run("status", "--format", "json")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
            let device = (try #require(object["devices"] as? [[String: Any]])).first { $0["name"] as? String == "NEW-01" }
            probed = device?["up"] as? Bool == true
            try await Task.sleep(for: .microseconds(200_000))
        }
        #expect(probed)
        daemon.send(SIGTERM)
        #expect(await daemon.wait(seconds: 5) == 0)
    }

    @Test("a deleted database file is reported in the log and the daemon keeps running")
    func deletedDatabase() async throws {
        let fixture = try await DaemonFixture(devices: 5)
        let daemon = try fixture.start()
        #expect(await daemon.waitForLog("daemon started", seconds: 10))
        try FileManager.default.removeItem(atPath: fixture.cli.database)
        #expect(await daemon.waitForLog("was deleted", seconds: 10), "\(daemon.log)")
        #expect(daemon.isRunning)
        daemon.send(SIGTERM)
        #expect(await daemon.wait(seconds: 5) == 0)
    }

    @Test("a device asking for SNMPv3 with no v3 user configured stops daemon and probe --all with exit 2 naming it")
    func v3WithoutUser() async throws {
        let fixture = try await DaemonFixture(devices: 2)
        try fixture.cli.folder.write("v3.csv", "name,kind,address,snmp_version\nPR-V3,printer,127.21.9.1,3\n")
        #expect(try await fixture.cli.run("devices", "import", fixture.cli.folder.path("v3.csv")).status == 0)
        let config = try fixture.cli.folder.write("fast.toml", "[probe]\ntimeout = \"200ms\"\n")
        for command in [["daemon"], ["daemon", "--once"], ["probe", "--all"]] {
            let outcome = try await fixture.cli.run(command + ["--config", config.path])
            #expect(outcome.status == 2, "\(command): \(outcome.stderr)")
            #expect(outcome.stderr.contains("PR-V3: snmp_version is 3 but no SNMPv3 user is configured"), "\(outcome.stderr)")
        }
        #expect(try fixture.observationCount() == 0, "nothing was polled with another SNMP version")
    }
}
