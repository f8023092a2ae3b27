import Foundation
import Inventory
import TestSupport
import Testing

/// The daemon's sync service: it feeds the province beside polling, and a province that cannot be
/// reached neither stops polling nor fills the log.
@Suite("Daemon sync service", .serialized, .timeLimit(.minutes(10)))
struct DaemonSyncTests {
    /// A store with one device on loopback (the only address tests may probe).
    func store(in folder: TemporaryDirectory) throws -> String {
        let path = folder.path("kiemke.sqlite")
        let store = try InventoryStore(path: path)
        _ = try store.add(Device(name: "PC-LOOP", kind: .computer, address: "127.0.0.1"), by: "test")
        return path
    }

    @Test("with [sync] url set, the running daemon pushes its data to the province")
    func feeds() async throws {
        if let reason = PostgresServer.missing { print("skipped: \(reason)"); return }
        guard KiemkeProcess.binary != nil else { print("skipped: the kiemke binary is not built"); return }
        let province = try await ProvinceFixture(offices: ["A"])
        let folder = TemporaryDirectory()
        let db = try store(in: folder)
        let config = try CLIConfig.write(in: folder, office: "UBND xã A", url: province.communeURL("A"), code: "A",
                                         interval: "10s")
        let daemon = try ChildProcess.kiemke(["daemon", "--db", db, "--config", config, "--interval", "1s"], log: folder.url.appendingPathComponent("daemon.log"))
        var synced = false
        for _ in 0..<60 where !synced {
            try await Task.sleep(for: .milliseconds(500))
            synced = try await province.count("device_state", office: "A") > 0
        }
        daemon.send(SIGTERM)
        let status = await daemon.wait(seconds: 15)
        #expect(synced, "no device state reached the province: \(daemon.log)")
        #expect(try await province.count("device", office: "A") == 1)
        #expect(status == 0, "\(daemon.log)")
    }

    @Test("an unreachable province: polling goes on, the failure is logged once, the daemon stops promptly")
    func unreachable() async throws {
        guard KiemkeProcess.binary != nil else { print("skipped: the kiemke binary is not built"); return }
        let folder = TemporaryDirectory()
        let db = try store(in: folder)
        // A loopback port nothing listens on.
        let config = try CLIConfig.write(in: folder, office: "UBND xã A", url: "postgres://kiemke_a:x@127.0.0.1:9/kiemke?sslmode=disable",
                                         code: "A")
        let daemon = try ChildProcess.kiemke(["daemon", "--db", db, "--config", config, "--interval", "1s"], log: folder.url.appendingPathComponent("daemon.log"))
        #expect(await daemon.waitForLog("sync to the province failed", seconds: 30), "\(daemon.log)")
        try await Task.sleep(for: .seconds(4))
        let store = try InventoryStore(path: db, readonly: true)
        let states = try store.deviceStates()
        daemon.send(SIGTERM)
        let status = await daemon.wait(seconds: 15)
        #expect(status == 0, "\(daemon.log)")
        #expect(!states.isEmpty, "polling did not go on")
        #expect(daemon.log.components(separatedBy: "sync to the province failed").count - 1 == 1, "\(daemon.log)")
        #expect(!(try store.syncStatus().isCaughtUp))
    }
}
