import Foundation
import GRDB
import Testing
import TestSupport

@Suite("Daemon: the database restored while it runs", .serialized,
       .enabled(if: CLI.available, "the kiemke binary is not built; run `swift build` first"))
struct DaemonRestoreTests {
    @Test("after the file is deleted, results are held (nothing reported written); a copy put in place is opened and receives them")
    func restoreWhileRunning() async throws {
        let fixture = try await DaemonFixture(devices: 5)
        let database = fixture.cli.database
        let backup = fixture.cli.folder.path("backup.sqlite")
        let daemon = try fixture.start()
        #expect(try await fixture.waitForObservations(seconds: 15), "\(daemon.log)")
        // A consistent copy, as `sqlite3 kiemke.sqlite ".backup copy.sqlite"` makes it.
        do {
            let source = try DatabaseQueue(path: database)
            let target = try DatabaseQueue(path: backup)
            try source.backup(to: target)
            try source.close()
            try target.close()
        }
        let inBackup = try DatabaseProbe.count(backup)

        try FileManager.default.removeItem(atPath: database)
        let deletedAt = Date()
        #expect(await daemon.waitForLog("was deleted", seconds: 10), "\(daemon.log)")
        // Cycles go on while there is no file: their results must be held, not written into the void.
        try await Task.sleep(for: .seconds(2))
        try FileManager.default.copyItem(atPath: backup, toPath: database)
        let restoredAt = Date()
        #expect(await daemon.waitForLog("writing to the new file", seconds: 15), "\(daemon.log)")
        let gap: StatementArguments = [deletedAt, restoredAt]
        let landed = try await Wait.until(15, every: .milliseconds(100)) {
            try DatabaseProbe.count(database, "SELECT COUNT(*) FROM observation WHERE time > ? AND time < ?", gap) > 0
        }
        #expect(landed, "results probed while the file was gone were written into the restored copy: \(daemon.log)")
        #expect(try DatabaseProbe.count(database) > inBackup)
        #expect(daemon.isRunning)
        daemon.send(SIGTERM)
        #expect(await daemon.wait(seconds: 5) == 0, "\(daemon.log)")
        #expect(daemon.log.contains("unwritten=0"), "\(daemon.log)")
        #expect(try fixture.integrity() == "ok")
    }
}
