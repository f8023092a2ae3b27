import Foundation
import GRDB
import Testing
import TestSupport

@Suite("Daemon: SIGTERM while a device's walk never ends", .serialized,
       .enabled(if: CLI.available, "the kiemke binary is not built; run `swift build` first"))
struct DaemonShutdownTests {
    @Test("the daemon exits 0 within 5 s, having written what it held")
    func sigtermDuringEndlessWalk() async throws {
        let responder = SlowSNMPResponder(delay: .milliseconds(400))
        let fixture = try await DaemonFixture(devices: 3)
        let config = try fixture.cli.folder.write("slow.toml", "[probe]\ntimeout = \"2s\"\nretries = 0\n")
        let daemon = try fixture.start(config: config)
        #expect(try await fixture.waitForObservations(seconds: 15), "\(daemon.log)")
        // Added while the daemon runs, so the devices before it were already recorded.
        try fixture.cli.folder.write("slow.csv", "name,kind,address,snmp_version,snmp_community,snmp_port\n"
                                     + "PR-SLOW,printer,127.0.0.1,2c,public,\(responder.port)\n")
        #expect(try await fixture.cli.run("devices", "import", fixture.cli.folder.path("slow.csv")).status == 0)
        let walking = try await Wait.until(20, every: .milliseconds(100)) { responder.requests >= 4 }
        #expect(walking, "the slow device was being read: \(daemon.log)")
        let before = responder.requests
        try await Task.sleep(for: .seconds(1))
        #expect(responder.requests > before, "the walk was still going")
        let written = try fixture.observationCount()
        let asked = ContinuousClock.now
        daemon.send(SIGTERM)
        let status = await daemon.wait(seconds: 5)
        #expect(status == 0, "exited within 5 s of SIGTERM (took \(ContinuousClock.now - asked)): \(daemon.log)")
        #expect(daemon.log.contains("lost=0"), "\(daemon.log)")
        #expect(try fixture.observationCount() >= written)
    }
}
