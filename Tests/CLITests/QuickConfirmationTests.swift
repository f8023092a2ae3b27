import Foundation
import GRDB
import Testing
import TestSupport

/// Issue 14 in the namespace test bed: a device that dies is down within interval + confirm_after
/// (+ its probe's timeouts), one that flaps once is never down, and one that comes back has its facts
/// read at once although its facts clock (one hour) is far from due.
@Suite("Daemon in the test bed: quick confirmation of outages, facts on come-back", .serialized,
       .enabled(if: Testbed.unavailableReason == nil, "\(Testbed.unavailableReason ?? "")"))
struct QuickConfirmationTests {
    /// TARGET (198.18.5.1) and two cameras answering ping, TCP-refused and snmpd in the office namespace.
    static func office(_ testbed: Testbed, _ cli: CLI) async throws {
        #expect(try await testbed.office(["ip", "route", "add", "local", "198.18.5.0/24", "dev", "lo"]).status == 0)
        let snmpdConfig = try cli.folder.write("snmpd.conf", "rocommunity public 198.18.0.0/15\n")
        let snmpd = try await testbed.office(["/usr/sbin/snmpd", "-C", "-c", snmpdConfig.path, "-Lf", cli.folder.path("snmpd.log"),
                                              "-p", cli.folder.path("snmpd.pid"), "udp:161"])
        #expect(snmpd.status == 0, "\(snmpd.stderr)")
        try await DaemonTestbedTests.database(cli, [("CAM-1", "198.18.1.1"), ("CAM-2", "198.18.1.2"), ("TARGET", "198.18.5.1")])
    }

    /// Makes 198.18.5.0/24 silent (blackhole) or answering again.
    static func cut(_ testbed: Testbed, _ silent: Bool) async throws {
        if silent {
            #expect(try await testbed.office(["ip", "route", "del", "local", "198.18.5.0/24", "dev", "lo", "table", "local"]).status == 0)
            #expect(try await testbed.office(["ip", "route", "add", "blackhole", "198.18.5.0/24"]).status == 0)
        } else {
            #expect(try await testbed.office(["ip", "route", "del", "blackhole", "198.18.5.0/24"]).status == 0)
            #expect(try await testbed.office(["ip", "route", "add", "local", "198.18.5.0/24", "dev", "lo"]).status == 0)
        }
    }

    /// TARGET's observations: time, up, who answered, whether they carry facts.
    static func observations(_ cli: CLI) throws -> [(time: Date, up: Bool, answeredBy: String, facts: Bool)] {
        let queue = try DatabaseQueue(path: cli.database)
        defer { try? queue.close() }
        return try queue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT o.time, o.up, o.answeredBy, o.facts IS NOT NULL AS facts FROM observation o
                JOIN device d ON d.id = o.deviceId WHERE d.name = 'TARGET' ORDER BY o.time
                """).map { ($0["time"], $0["up"], $0["answeredBy"], $0["facts"]) }
        }
    }

    static func downChanges(_ cli: CLI) throws -> [Date] {
        let queue = try DatabaseQueue(path: cli.database)
        defer { try? queue.close() }
        return try queue.read { db in
            try Date.fetchAll(db, sql: """
                SELECT s.time FROM stateChange s JOIN device d ON d.id = s.deviceId WHERE d.name = 'TARGET' AND s."to" = 'down'
                """)
        }
    }

    @Test("a device that dies is down within interval + confirm_after + its probe time, back-dated; facts are read when it comes back")
    func diesAndComesBack() async throws {
        try await Testbed.with { testbed in
            let cli = CLI()
            try await Self.office(testbed, cli)
            let interval = 6.0, confirmAfter = 1.0
            let config = try cli.folder.write("k.toml", """
                [probe]
                timeout = "300ms"
                retries = 1
                confirm_after = "1s"
                facts_interval = "1h"
                """)
            let daemon = try DaemonTestbedTests.daemon(testbed, cli, ["--interval", "6s", "--config", config.path])
            #expect(try await Wait.until(30, every: .milliseconds(200)) { try Self.observations(cli).count >= 2 }, "\(daemon.log)")
            let before = try Self.observations(cli)
            #expect(before.allSatisfy { $0.up }, "\(before)")
            #expect(before.first?.facts == true, "the first probe reads the facts")
            #expect(before.dropFirst().allSatisfy { !$0.facts }, "then only liveness until facts_interval: \(before)")
            #expect(before.last?.answeredBy == "icmp", "liveness is the one probe that answered: \(before)")

            let cut = Date()
            try await Self.cut(testbed, true)
            #expect(try await Wait.until(30, every: .milliseconds(200)) { try !Self.downChanges(cli).isEmpty }, "\(daemon.log)")
            let failed = try Self.observations(cli).filter { $0.time >= cut.addingTimeInterval(-0.01) && !$0.up }
            try #require(failed.count >= 2, "\(failed)")
            let (first, second) = (failed[0].time, failed[1].time)
            // The second failure is the confirmation, confirm_after after the first probe ended (~1.2 s of
            // ping, SNMP and TCP timeouts here), not a whole interval later.
            #expect(second.timeIntervalSince(first) <= confirmAfter + 3, "failures at \(first) and \(second)")
            #expect(second.timeIntervalSince(first) < interval - 1)
            #expect(second.timeIntervalSince(cut) <= interval + confirmAfter + 3, "cut at \(cut), confirmed down at \(second)")
            #expect(try Self.downChanges(cli) == [first], "down is back-dated to the first failure")

            try await Self.cut(testbed, false)
            #expect(try await Wait.until(20, every: .milliseconds(200)) { try await DaemonTestbedTests.upStates(cli)["TARGET"] == true },
                    "\(daemon.log)")
            let back = try #require(try Self.observations(cli).first { $0.time > second && $0.up })
            #expect(back.facts, "facts are read at once when a device comes back up")
            daemon.send(SIGTERM)
            #expect(await daemon.wait(seconds: 10) == 0)
        }
    }

    @Test("a device that misses one probe and answers the confirmation is never marked down")
    func flapsOnce() async throws {
        try await Testbed.with { testbed in
            let cli = CLI()
            try await Self.office(testbed, cli)
            let config = try cli.folder.write("k.toml", """
                [probe]
                timeout = "300ms"
                retries = 1
                confirm_after = "3s"
                """)
            let daemon = try DaemonTestbedTests.daemon(testbed, cli, ["--interval", "8s", "--config", config.path])
            #expect(try await Wait.until(30, every: .milliseconds(200)) { try Self.observations(cli).contains { $0.up } }, "\(daemon.log)")
            try await Self.cut(testbed, true)
            // Back as soon as one probe has failed: before its confirmation 3 s later.
            #expect(try await Wait.until(20, every: .milliseconds(200)) { try Self.observations(cli).contains { !$0.up } }, "\(daemon.log)")
            try await Self.cut(testbed, false)
            let failure = try #require(try Self.observations(cli).first { !$0.up })
            #expect(try await Wait.until(15, every: .milliseconds(200)) { try Self.observations(cli).contains { $0.up && $0.time > failure.time } })
            let answer = try #require(try Self.observations(cli).first { $0.up && $0.time > failure.time })
            #expect(answer.time.timeIntervalSince(failure.time) < 8, "the confirmation, not the next interval, answered")
            try await Task.sleep(for: .seconds(1))
            daemon.send(SIGTERM)
            #expect(await daemon.wait(seconds: 10) == 0)
            #expect(try Self.downChanges(cli).isEmpty, "one missed probe is never an outage")
            #expect(try await DaemonTestbedTests.upStates(cli)["TARGET"] == true)
        }
    }
}
