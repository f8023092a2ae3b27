import Foundation
import GRDB
import Inventory
import KiemkeCore
import Testing
import TestSupport

@Suite("Store: it follows its path, not the file it first opened")
struct StoreFileTests {
    @Test("a deleted file is neither written to nor created again")
    func deletedFile() throws {
        let fixture = try StoreFixture()
        try fixture.store.add(Device(name: "PC-01", kind: .computer, address: "127.0.0.1"), by: "lan")
        let path = fixture.store.path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        #expect(throws: InventoryError.databaseDeleted(path: path)) {
            try fixture.store.add(Device(name: "PC-02", kind: .computer, address: "127.0.0.2"), by: "lan")
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("a copy put in place is opened once it is left alone, and writes go there; stale row ids are refused")
    func replacedFile() async throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        try store.add(Device(name: "PC-01", kind: .computer, address: "127.0.0.1"), by: "lan")
        let backup = fixture.folder.path("backup.sqlite")
        let source = try DatabaseQueue(path: store.path)
        try source.backup(to: DatabaseQueue(path: backup))
        try source.close()
        try store.add(Device(name: "PC-02", kind: .computer, address: "127.0.0.2"), by: "lan")
        #expect(store.generation == 0)

        try FileManager.default.removeItem(atPath: store.path)
        try FileManager.default.copyItem(atPath: backup, toPath: store.path)
        // Just copied: not yet opened (it could still be being written).
        #expect(throws: InventoryError.databaseBeingReplaced(path: store.path)) { try store.checkFile() }
        try await Task.sleep(for: .milliseconds(1_200))
        try store.checkFile()
        #expect(store.generation == 1)
        #expect(try store.devices().map(\.name) == ["PC-01"], "the copy's devices, not the deleted file's")
        let device = try store.device(named: "PC-01")
        let observation = Observation(deviceId: device.id!, time: Date(), up: true, answeredBy: "icmp")
        #expect(throws: InventoryError.databaseReplaced(path: store.path)) {
            try store.record([observation], policy: RecordingPolicy(), generation: 0)
        }
        try store.record([observation], policy: RecordingPolicy(), generation: 1)
        let copy = try DatabaseQueue(path: store.path)
        defer { try? copy.close() }
        let count = try await copy.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM observation") }
        #expect(count == 1)
    }

    @Test("held results survive a spill file: exact times, devices by uuid, mode 0600; a cut line is reported, not read")
    func spillRoundTrip() throws {
        let folder = TemporaryDirectory()
        let spill = ObservationSpill(databasePath: folder.path("kiemke.sqlite"))
        let uuid = UUID()
        let t0 = Date(timeIntervalSince1970: 1_764_400_000.123)
        let held = [
            HeldObservation(deviceUUID: uuid, observation: Observation(deviceId: 7, time: t0, up: true, answeredBy: "icmp,tcp:80", rttMs: 0.25)),
            HeldObservation(deviceUUID: uuid, observation: Observation(deviceId: 7, time: t0 + 1, up: false, error: "timeout")),
            HeldObservation(deviceUUID: uuid, observation: Observation(deviceId: 7, time: t0 + 2, up: true, answeredBy: "icmp")),
        ]
        #expect(spill.reserveSpace(bytes: 1 << 20))
        let outcome = spill.write(held)
        #expect(outcome.written == 3 && outcome.lost == 0 && outcome.error == nil)
        #expect(!FileManager.default.fileExists(atPath: spill.reservePath), "the reserve was freed for the spill")
        let mode = try FileManager.default.attributesOfItem(atPath: spill.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let read = try spill.read()
        #expect(read.badLines.isEmpty)
        let observations: [HeldObservation] = read.observations
        #expect(observations.map { $0.deviceUUID } == [uuid, uuid, uuid])
        #expect(observations.map { $0.observation.time } == held.map { $0.observation.time })
        #expect(observations.map { $0.observation.up } == [true, false, true])
        #expect(observations.map { $0.observation.error } == [nil, "timeout", nil])

        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: spill.path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"device\":\"\(uuid.uuidString)\",\"ti".utf8))
        try handle.close()
        let cut = try spill.read()
        #expect(cut.observations.count == 3)
        #expect(cut.badLines == [4])
    }
}
