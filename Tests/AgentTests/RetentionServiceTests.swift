import Agent
import Foundation
import Inventory
import Logging
import Synchronization
import Testing
import TestSupport

@Suite("Retention service")
struct RetentionServiceTests {
    @Test("a prune removes raw observations older than raw_days in force now, and reports how many")
    func prune() throws {
        let folder = TemporaryDirectory()
        let store = try InventoryStore(path: folder.path("kiemke.sqlite"))
        let device = try store.add(Device(name: "CAM-01", kind: .camera, address: "192.0.2.1"), by: "test")
        let id = try #require(device.id)
        let now = Date()
        let ages = [1, 20, 40, 100]  // days
        _ = try store.record(ages.map { Observation(deviceId: id, time: now.addingTimeInterval(-Double($0) * 86_400), up: true) },
                             policy: Configuration().recordingPolicy)
        var configuration = Configuration()
        configuration.retention.rawDays = 90
        let reloaded = configuration.with { $0.retention.rawDays = 30 }
        let source = ConfigurationSource(configuration) { reloaded }
        let events = Mutex<[DaemonEvent]>([])
        let service = RetentionService(store: store, source: source, events: { event in events.withLock { $0.append(event) } },
                                       logger: Logger(label: "test"))

        #expect(service.pruneOnce(now: now))
        try source.reload()
        #expect(service.pruneOnce(now: now))
        #expect(service.pruneOnce(now: now))
        #expect(events.withLock { $0 } == [.pruned(removed: 1, olderThanDays: 90), .pruned(removed: 1, olderThanDays: 30)],
                "the second prune uses the reloaded raw_days; one that removes nothing reports nothing")
    }
}

extension Configuration {
    /// A copy with `change` applied.
    func with(_ change: (inout Configuration) -> Void) -> Configuration {
        var copy = self
        change(&copy)
        return copy
    }
}
