import Foundation
import GRDB
import Testing
import TestSupport

/// Issue 11: one slow device's read holds up only its own batch; every other device keeps its cycle.
@Suite("Daemon: a slow device among healthy ones", .serialized,
       .enabled(if: CLI.available, "the kiemke binary is not built; run `swift build` first"))
struct SlowDeviceDaemonTests {
    @Test("while a device's endless walk runs to its 10 s read deadline, the devices not reading with it are probed on their 300 ms interval")
    func othersKeepTheirCycle() async throws {
        let responder = SlowSNMPResponder(delay: .milliseconds(400))
        let fixture = try await DaemonFixture(devices: 5)
        let config = try fixture.cli.folder.write("slow.toml", "[probe]\ntimeout = \"2s\"\nretries = 0\nread_deadline = \"10s\"\n")
        let daemon = try fixture.start(config: config)
        #expect(try await fixture.waitForObservations(seconds: 15), "\(daemon.log)")
        try fixture.cli.folder.write("slow.csv", "name,kind,address,snmp_version,snmp_community,snmp_port\n"
                                     + "PR-SLOW,printer,127.0.0.1,2c,public,\(responder.port)\n")
        #expect(try await fixture.cli.run("devices", "import", fixture.cli.folder.path("slow.csv")).status == 0)
        // The slow device's first read (a full one: it is new) has begun.
        let walking = try await Wait.until(20, every: .milliseconds(100)) { responder.requests >= 3 }
        #expect(walking, "the slow device was being read: \(daemon.log)")
        let from = Date()
        try await Task.sleep(for: .seconds(6))
        // The read is still going (it ends only at its 10 s deadline) ...
        #expect(responder.requests >= 6, "the walk went on: \(responder.requests) requests")
        // ... and meanwhile each healthy device was probed again and again (about 20 times in 6 s at
        // 300 ms; a daemon waiting for the slow batch would have probed them at most once).
        // A device whose own full read fell due with the slow one's waits with it (at most the read
        // deadline); every other device keeps its cycle.
        let counts = try fixture.observationsPerDevice(since: from)
        let kept = (1...5).map { "DEV-\(String(format: "%03d", $0))" }.filter { (counts[$0] ?? 0) >= 5 }
        #expect(kept.count >= 4, "devices probed at least 5 times in 6 s: \(kept); all: \(counts)\n\(daemon.log)")
        daemon.send(SIGTERM)
        #expect(await daemon.wait(seconds: 5) == 0, "\(daemon.log)")
    }
}

extension DaemonFixture {
    /// Observations per device name recorded at or after `date`.
    func observationsPerDevice(since date: Date) throws -> [String: Int] {
        let queue = try DatabaseQueue(path: cli.database)
        defer { try? queue.close() }
        return try queue.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT device.name AS name, COUNT(*) AS n FROM observation JOIN device ON device.id = observation.deviceId
                WHERE observation.time >= ? GROUP BY device.name
                """, arguments: [date])
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["name"] as String, $0["n"] as Int) })
        }
    }
}
