import Foundation
import GRDB
import Inventory
import Testing
import TestSupport

@Suite("Change log: every write is stamped with a growing sequence number")
struct ChangeLogTests {
    static func entries(_ changes: [StoreChange]) -> [String] {
        changes.map { "\($0.entity.rawValue) \($0.deviceUUID.uuidString) \($0.day ?? "-") \($0.kind.rawValue)" }
    }

    static func entry(_ entity: StoreChange.Entity, _ device: Device, _ kind: StoreChange.Kind, day: String? = nil) -> String {
        "\(entity.rawValue) \(device.uuid.uuidString) \(day ?? "-") \(kind.rawValue)"
    }

    @Test("adding, marking, importing, retiring and recording each stamp the entry they change")
    func everyWrite() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let t0 = local("2026-11-30 10:00")
        let cam = try store.add(Device(name: "CAM-01", kind: .camera, address: "127.0.0.1", createdAt: t0), by: "t")
        var seen = try store.changes(since: 0)
        #expect(Self.entries(seen) == [Self.entry(.device, cam, .added), Self.entry(.marks, cam, .marked)])
        #expect(seen.first?.time == t0)

        try store.mark(named: "cam-01", condition: .degraded, by: "t", at: t0 + 60)
        var next = try store.changes(since: seen.last!.sequence)
        #expect(Self.entries(next) == [Self.entry(.marks, cam, .marked)])
        #expect(next[0].time == t0 + 60)
        seen = try store.changes(since: 0)
        #expect(Self.entries(seen) == [Self.entry(.device, cam, .added), Self.entry(.marks, cam, .marked)],
                "one entry per changed part: the marks' older stamp is replaced")

        let last = seen.last!.sequence
        try DeviceImporter(store: store).importCSV(Data("name,kind,address,location\nCAM-01,camera,127.0.0.1,Cổng\n".utf8),
                                                   file: "t.csv", by: "t", at: t0 + 120)
        next = try store.changes(since: last)
        #expect(Self.entries(next) == [Self.entry(.device, cam, .updated)])
        #expect(try store.device(named: "CAM-01").uuid == cam.uuid, "an update keeps the device's uuid")

        let policy = RecordingPolicy(interval: 60)
        try store.record([Observation(deviceId: cam.id!, time: local("2026-11-30 23:59"), up: true)], policy: policy)
        try store.record([Observation(deviceId: cam.id!, time: local("2026-12-01 00:01"), up: true)], policy: policy)
        next = try store.changes(since: next.last!.sequence)
        #expect(Self.entries(next) == [Self.entry(.observations, cam, .recorded),
                                       Self.entry(.availability, cam, .credited, day: "2026-11-30"),
                                       Self.entry(.availability, cam, .credited, day: "2026-12-01")],
                "the first batch's observations entry is replaced by the second's")
        #expect(next.first { $0.entity == .observations }?.time == local("2026-12-01 00:01"))

        try store.retire(named: "CAM-01", at: t0 + 86_400)
        next = try store.changes(since: next.last!.sequence)
        #expect(Self.entries(next) == [Self.entry(.device, cam, .retired)])

        let all = try store.changes(since: 0)
        #expect(all.map(\.sequence) == all.map(\.sequence).sorted())
        #expect(Set(all.map(\.sequence)).count == all.count)
        #expect(try store.changes(since: all.last!.sequence).isEmpty)
        #expect(try store.changes(since: 0, limit: 2).map(\.sequence) == Array(all.map(\.sequence).prefix(2)))
    }

    @Test("a write that fails stamps nothing")
    func failedWrite() throws {
        let fixture = try StoreFixture()
        try fixture.store.add(Device(name: "PC-01", kind: .computer, address: ""), by: "t")
        let before = try fixture.store.changes(since: 0)
        #expect(throws: InventoryError.duplicateName("pc-01")) {
            try fixture.store.add(Device(name: "pc-01", kind: .computer, address: ""), by: "t")
        }
        #expect(try fixture.store.changes(since: 0) == before)
    }

    @Test("internet link targets from the config are stamped as they are added and retired")
    func internetLinks() throws {
        let fixture = try StoreFixture()
        try fixture.store.syncInternetLinks(["8.8.8.8"])
        let added = try fixture.store.changes(since: 0)
        #expect(added.map(\.kind) == [.added])
        try fixture.store.syncInternetLinks(["1.1.1.1"])
        let next = try fixture.store.changes(since: added[0].sequence)
        #expect(next.map(\.kind) == [.retired, .added])
        #expect(next[0].deviceUUID == added[0].deviceUUID)
    }

    @Test("an existing database gets a uuid for every device and its data in the log")
    func migration() throws {
        let folder = TemporaryDirectory()
        let path = folder.path("v4.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try InventorySchema.migrator.migrate(queue, upTo: "v4 per-device poll interval")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO device (id, name, nameKey, kind, address, createdAt) VALUES (1, 'PC-01', 'pc-01', 'computer', '', '2026-01-01 00:00:00.000');
                    INSERT INTO device (id, name, nameKey, kind, address, createdAt, retiredAt) VALUES (2, 'PC-02', 'pc-02', 'computer', '', '2026-01-01 00:00:00.000', '2026-02-01 00:00:00.000');
                    INSERT INTO conditionMark (deviceId, condition, markedAt) VALUES (1, 'good', '2026-01-01 00:00:00.000'), (1, 'broken', '2026-01-05 00:00:00.000');
                    INSERT INTO deviceState (deviceId, state, since, lastProbe, lastUp) VALUES (1, 'up', '2026-01-02 00:00:00.000', '2026-01-03 00:00:00.000', 1);
                    INSERT INTO availabilityDay (deviceId, day, upSeconds) VALUES (1, '2026-01-02', 3600), (1, '2026-01-03', 60);
                    """)
            }
            try queue.close()
        }
        let store = try InventoryStore(path: path)
        let devices = try store.devices(includeRetired: true)
        #expect(Set(devices.map(\.uuid)).count == 2)
        let pc1 = try #require(devices.first { $0.name == "PC-01" })
        let pc2 = try #require(devices.first { $0.name == "PC-02" })
        let changes = try store.changes(since: 0)
        #expect(Self.entries(changes) == [
            Self.entry(.device, pc1, .added), Self.entry(.device, pc2, .retired), Self.entry(.marks, pc1, .marked),
            Self.entry(.observations, pc1, .recorded),
            Self.entry(.availability, pc1, .credited, day: "2026-01-02"), Self.entry(.availability, pc1, .credited, day: "2026-01-03"),
        ])
        #expect(changes[2].time == local("2026-01-05 07:00"), "the latest mark's time")
        // The uuid is the device's for good: reopening the file does not change it.
        #expect(try InventoryStore(path: path).devices(includeRetired: true).map(\.uuid) == devices.map(\.uuid))
    }
}

@Suite("Snapshot queries")
struct SnapshotQueryTests {
    @Test("status, listing and known addresses read devices, marks and states together")
    func snapshots() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let pc = try store.add(Device(name: "PC-01", kind: .computer, address: "127.0.0.1"), by: "t")
        try store.add(Device(name: "SCAN-01", kind: .scanner, address: ""), condition: .degraded, by: "t")
        try store.syncInternetLinks(["8.8.8.8"])
        try store.record([Observation(deviceId: pc.id!, time: Date(), up: true)], policy: RecordingPolicy())

        let status = try store.statusSnapshot()
        #expect(status.devices.map(\.name) == ["Internet (8.8.8.8)", "PC-01", "SCAN-01"])
        #expect(status.states.keys.sorted() == [pc.id!])
        #expect(status.marks.values.map(\.condition).sorted() == [.good, .degraded])

        let listing = try store.deviceListing()
        #expect(listing.map(\.device.name) == ["PC-01", "SCAN-01"])
        #expect(listing.map { $0.mark?.condition } == [.good, .degraded])

        #expect(try store.knownAddresses().mapValues(\.name) == ["127.0.0.1": "PC-01"])
        #expect(try store.knownAddresses(includeInternetLinks: true).keys.sorted() == ["127.0.0.1", "8.8.8.8"])
    }
}
