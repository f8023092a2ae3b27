import Foundation
import GRDB
import Testing
import TestSupport

/// A device known only by its SNMPv3 engine ID: net-snmp's snmpd as a v3 agent whose view shows the system
/// group and the engine group, nothing with a MAC or a serial. `probe --all` records the engine ID the read's
/// session learned; when the agent moves, the daemon finds it by that engine ID alone and moves the device.
@Suite("The SNMPv3 engine ID read by the polling names a device that moves", .serialized,
       .enabled(if: Testbed.unavailableReason == nil && SNMPDaemon.unavailableReason == nil,
                "\(Testbed.unavailableReason ?? SNMPDaemon.unavailableReason ?? "")"))
struct EngineIDIdentityTests {
    static let old = "198.18.9.11"
    static let new = "198.18.9.12"

    @Test("probe --all stores the engine ID; the agent answering at a new address moves the device by it, with no outage")
    func engineIDMoves() async throws {
        try await Testbed.with { testbed in
            let folder = TemporaryDirectory()
            var agent: SNMPChildProcess?
            var daemon: BackgroundProcess?
            defer {
                if let daemon, daemon.isRunning { daemon.send(SIGKILL) }
                agent?.stop()
            }
            func office(_ arguments: [String]) async throws {
                let output = try await testbed.office(arguments)
                guard output.status == 0 else { throw KiemkeProcess.RunError("\(arguments.joined(separator: " ")): \(output.stderr)") }
            }
            // Both addresses exist while snmpd binds them; the new one goes silent until the move.
            try await office(["ip", "route", "add", "blackhole", "198.18.9.0/24"])
            for address in [Self.old, Self.new] { try await office(["ip", "route", "add", "local", "\(address)/32", "dev", "lo"]) }
            let persistent = folder.url.appendingPathComponent("persist")
            try FileManager.default.createDirectory(at: persistent, withIntermediateDirectories: true)
            let conf = try folder.write("snmpd.conf", """
                createUser kiemke-v3 SHA "auth-pass-v3" AES "priv-pass-v3"
                view identity included .1.3.6.1.2.1.1
                view identity included .1.3.6.1.6.3.10.2.1
                rouser kiemke-v3 priv -V identity
                sysDescr kiemke test agent
                sysName v3-agent
                engineID kiemke-engine-id-test

                """)
            // Under SNMPChildProcess's shell guard, as the other snmpd of the tests: an snmpd started
            // directly by the test process left the next child it started unreaped (a zombie, and a hang).
            let agentLog = folder.url.appendingPathComponent("snmpd.log")
            agent = try SNMPChildProcess(arguments: [Testbed.script.path, "office", testbed.name, "--", "/usr/sbin/snmpd", "-f", "-Lo", "-C",
                                                     "-c", conf.path, "--persistentDir=\(persistent.path)",
                                                     "udp:\(Self.old):161,udp:\(Self.new):161"],
                                         logFile: agentLog, environment: ["MIBS": ""])
            // A fixed engine ID (RFC 3411 text format: enterprise 8072, format 4, the text) to compare with.
            let engineID = "80001f8804" + "kiemke-engine-id-test".utf8.map { String(format: "%02x", $0) }.joined()
            // Bound to both addresses (it says so once it listens) before the new one goes silent.
            let listening = try await Wait.until(30) { agent?.log().contains("NET-SNMP version") ?? false }
            #expect(listening, "\(agent?.log() ?? "")")
            try await office(["ip", "route", "del", "local", "\(Self.new)/32", "dev", "lo", "table", "local"])

            let database = folder.path("kiemke.sqlite")
            let csv = try folder.write("devices.csv", "name,kind,address,location,condition,note\nMÁY IN-01,printer,\(Self.old),,,\n")
            let config = try folder.write("k.toml", """
                [snmp]
                version = "3"
                v3_user = "kiemke-v3"
                v3_level = "authPriv"
                v3_auth_protocol = "SHA"
                v3_auth_key = "auth-pass-v3"
                v3_priv_protocol = "AES"
                v3_priv_key = "priv-pass-v3"
                [probe]
                timeout = "400ms"
                retries = 0
                confirm_after = "1s"
                [discovery]
                networks = ["198.18.9.0/28"]
                # A v3 answer takes two exchanges (engine discovery, then the authPriv GET) and snmpd's
                # crypto: 400 ms each missed the first sweep on a loaded CI machine, the failure was
                # recorded and the move came only with the retry 20 s later.
                timeout = "1s"
                """)
            let imported = try await testbed.kiemke(["devices", "import", csv.path, "--db", database])
            #expect(imported.status == 0, "\(imported.stderr)")
            // snmpd needs a moment to start: probe --all until a read has recorded an identity.
            var probe = try await testbed.kiemke(["probe", "--all", "--config", config.path, "--db", database])
            let ready = Date().addingTimeInterval(30)
            while Date() < ready, try Self.engineIDStored(database) == nil {
                try await Task.sleep(for: .milliseconds(500))
                probe = try await testbed.kiemke(["probe", "--all", "--config", config.path, "--db", database])
            }
            #expect(probe.status == 0, "\(probe.stdout)\(probe.stderr)")

            // The read recorded the engine ID, and nothing else that could name the device.
            let queue = try DatabaseQueue(path: database)
            let identity = try await queue.read { db in
                try Row.fetchOne(db, sql: """
                    SELECT i.engineId, i.mac, i.serial, i.sysName FROM deviceIdentity i JOIN device d ON d.id = i.deviceId WHERE d.name = 'MÁY IN-01'
                    """)
            }
            let row = try #require(identity, "an identity row after probe --all: \(probe.stdout)\(probe.stderr)")
            #expect(row["engineId"] as String? == engineID)
            #expect(row["mac"] as String? == nil && row["serial"] as String? == nil, "only the engine ID names it: \(row)")
            #expect(row["sysName"] as String? == "v3-agent")
            try queue.close()

            // The agent moves; the daemon finds it by its engine ID alone.
            let started = try BackgroundProcess(Testbed.script, ["exec", testbed.name, "--", Testbed.kiemkeBinary.path, "daemon", "--log-level", "info",
                                                                 "--interval", "500ms", "--config", config.path, "--db", database],
                                                logFile: folder.url.appendingPathComponent("daemon.log"))
            daemon = started
            // A few cycles at the old address first.
            try await Task.sleep(for: .seconds(3))
            try await office(["/bin/sh", "-c", "ip route del local \(Self.old)/32 dev lo table local && ip route add local \(Self.new)/32 dev lo"])
            let moved = try await Wait.until(60) {
                let status = try await testbed.kiemke(["status", "--format", "json", "--db", database])
                let devices = (try? JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])?["devices"] as? [[String: Any]]
                return devices?.first?["address"] as? String == Self.new
            }
            #expect(moved, "\(started.log)")
            let history = try await testbed.kiemke(["history", "MÁY IN-01", "--db", database])
            #expect(history.stdout.contains("same SNMP engine ID \(engineID)"), "\(history.stdout)\(history.stderr)")
            let reopened = try DatabaseQueue(path: database, configuration: { var c = Configuration(); c.busyMode = .timeout(10); return c }())
            let (changes, failed) = try await reopened.read { db in
                (try String.fetchAll(db, sql: "SELECT evidence FROM addressChange"),
                 try Int.fetchOne(db, sql: "SELECT count(*) FROM observation WHERE up = 0") ?? 0)
            }
            #expect(changes == ["same SNMP engine ID \(engineID)"])
            #expect(failed == 0, "no failed probe recorded: the answer at the new address stands for it\n\(started.log)")
            try reopened.close()
            started.send(SIGTERM)
            #expect(await started.wait(seconds: 15) == 0, "\(started.log)")
        }
    }

    /// The engine ID recorded for the device, if any.
    static func engineIDStored(_ database: String) throws -> String? {
        guard FileManager.default.fileExists(atPath: database) else { return nil }
        let queue = try DatabaseQueue(path: database)
        defer { try? queue.close() }
        return try queue.read { db in
            guard try db.tableExists("deviceIdentity") else { return nil }
            return try String.fetchOne(db, sql: "SELECT engineId FROM deviceIdentity WHERE engineId IS NOT NULL")
        }
    }
}
