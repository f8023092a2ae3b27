import Agent
import Foundation
import Hummingbird
import HummingbirdTesting
import Inventory
import KiemkeCore
import Logging
import OfficeWeb
import Synchronization
import Testing
import TestSupport

/// The daemon's polling keeps its schedule while the page is loaded hard: the web service and
/// polling share one process (and, on the office PC, two cores).
@Suite struct PollingWhileBrowsingTests {
    final class CycleLog: Sendable {
        let cycles = Mutex<[(time: ContinuousClock.Instant, probes: Int, devices: Int)]>([])
        func observe(_ event: DaemonEvent) {
            if case .cycle(let totals) = event {
                cycles.withLock { $0.append((ContinuousClock.now, totals.probes, totals.devices)) }
            }
        }
    }

    @Test func noCycleIsLateWhilePagesAreLoaded() async throws {
        let folder = TemporaryDirectory()
        var configuration = Configuration()
        configuration.probe.interval = .seconds(1)
        configuration.probe.timeout = .milliseconds(200)
        configuration.probe.retries = 0
        // Devices on loopback: each answers (or not) at once, so a late cycle is the scheduler's fault.
        let store = try InventoryStore(path: folder.path("kiemke.sqlite"))
        for i in 1...20 {
            try store.add(Device(name: "PC-\(i)", kind: .computer, address: "127.0.0.\(i)", schedule: .always), by: "test")
        }
        let source = ConfigurationSource(configuration)
        let log = CycleLog()
        let polling = PollingService(store: store, source: source, events: { log.observe($0) }, logger: Logger(label: "test"))
        let web = try OfficeWeb(store: store, source: source)
        let app = Application(router: web.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)), services: [polling])
        let seconds = 10.0
        let pages = try await app.test(.live) { client in
            let end = ContinuousClock.now + .seconds(seconds)
            return try await withThrowingTaskGroup(of: Int.self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        var loaded = 0
                        while ContinuousClock.now < end {
                            let uri = worker % 2 == 0 ? "/" : "/devices/PC-\(worker)"
                            let response = try await client.execute(uri: uri, method: .get)
                            if response.status == .ok { loaded += 1 }
                        }
                        return loaded
                    }
                }
                return try await group.reduce(0, +)
            }
        }
        let cycles = log.cycles.withLock { $0 }
        #expect(pages > 50, "the pages were loaded in a loop: \(pages)")
        #expect(cycles.count >= Int(seconds) - 3, "cycles: \(cycles.count)")
        // A cycle is reported each interval (1 s); with generous room for a loaded 2-core machine,
        // none may come more than 2.5 s after the one before, and each probes every device.
        for (previous, next) in zip(cycles, cycles.dropFirst()) {
            #expect(next.time - previous.time < .milliseconds(2_500), "late cycle: \(next.time - previous.time)")
        }
        // Batches run beside one another and are counted when they end, so a batch ending just after an
        // interval's end counts in the next one: a cycle may show a device short, never more, and over
        // the run every device is probed once per interval.
        let counted = Array(cycles.dropFirst())
        for cycle in counted {
            #expect(cycle.probes >= cycle.devices - 2, "a cycle probed \(cycle.probes) of \(cycle.devices) devices")
        }
        let probes = counted.reduce(0) { $0 + $1.probes }
        let expected = counted.reduce(0) { $0 + $1.devices }
        #expect(probes >= expected - (counted.first?.devices ?? 0), "probed \(probes) of \(expected) over the run")
    }
}
