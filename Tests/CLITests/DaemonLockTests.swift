import Foundation
import GRDB
import Testing
import TestSupport

@Suite("Daemon: one per database", .serialized,
       .enabled(if: CLI.available, "the kiemke binary is not built; run `swift build` first"))
struct DaemonLockTests {
    @Test("a second daemon on the same database exits 1 naming the first's pid; commands are not blocked")
    func secondDaemonRefused() async throws {
        let fixture = try await DaemonFixture(devices: 3)
        let first = try fixture.start()
        #expect(await first.waitForLog("daemon started", seconds: 10), "\(first.log)")
        let config = try fixture.cli.folder.write("fast2.toml", "[probe]\ntimeout = \"200ms\"\n")
        for arguments in [["daemon"], ["daemon", "--once"]] {
            let second = try await fixture.cli.run(arguments + ["--config", config.path])
            #expect(second.status == 1, "\(arguments): \(second.stderr)")
            #expect(second.stderr.contains("pid \(first.pid)"), "\(second.stderr)")
        }
        let mark = try await fixture.cli.run("mark", "DEV-001", "fair", "--note", "while the daemon runs")
        #expect(mark.status == 0, "\(mark.stderr)")
        #expect(first.isRunning)
        first.send(SIGTERM)
        #expect(await first.wait(seconds: 5) == 0)
        // The lock goes with the process: the next start takes it.
        let next = try fixture.start()
        #expect(await next.waitForLog("daemon started", seconds: 10), "\(next.log)")
        next.send(SIGTERM)
        #expect(await next.wait(seconds: 5) == 0)
    }
}
