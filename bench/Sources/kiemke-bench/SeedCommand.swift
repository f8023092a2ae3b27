import ArgumentParser
import Foundation
import Inventory
import Probes
import KiemkeCore

/// `kiemke-bench seed`: a benchmark database — devices, a long rollup history, then the last
/// hours of raw cycles written through `InventoryStore.record(_:policy:)`, each write timed.
struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Create a benchmark database and time one-cycle writes through the real recording path.")

    @Option(help: "The database file to create (must not exist).") var db: String
    @Option(help: "How many devices.") var devices = 1_000
    @Option(help: "The first device's address; the others follow it.") var firstAddress = "127.90.0.1"
    @Option(help: "Every Nth device is dead (0: none).") var deadEvery = 0
    @Option(help: "The first dead device's address; dead devices take consecutive addresses from it.") var deadFirstAddress = "198.18.2.1"
    @Option(help: "Days of rollup history before the raw window (0: none).") var historyDays = 0
    @Option(help: "Hours of raw cycles, recorded through the real path, ending now.") var rawHours = 0.0
    @Option(help: "Seconds between cycles (the daemon's interval).") var interval = 300.0
    @Option(help: "Write the next cycle's observation rows here as one sqlite3 transaction (the store peer).") var peerSQL: String?

    func run() async throws {
        guard !FileManager.default.fileExists(atPath: db) else { throw BenchError.badOption("\(db) exists; remove it first") }
        guard devices > 0 else { throw BenchError.badOption("--devices must be positive") }
        let live = try IPv4Range(firstAddress)
        let deadRange = try IPv4Range(deadFirstAddress)
        let store = try InventoryStore(path: db)
        let hours = OfficeHours()
        let clock = ContinuousClock()
        let now = Date()
        let rawStart = now.addingTimeInterval(-rawHours * 3600)
        let created = rawStart.addingTimeInterval(-Double(historyDays) * 86_400 - 3600)

        var started = clock.now
        let kinds: [DeviceKind] = [.computer, .computer, .computer, .computer, .computer, .computer, .computer, .computer,
                                   .computer, .computer, .printer, .printer, .printer, .copier, .scanner, .camera,
                                   .camera, .camera, .network, .other]
        var liveCount = 0, deadCount = 0
        var added: [Device] = []
        for index in 0..<devices {
            let id = index + 1
            let dead = deadEvery > 0 && id % deadEvery == 0
            let address = dead ? deadRange.address(deadCount) : live.address(liveCount)
            if dead { deadCount += 1 } else { liveCount += 1 }
            let kind = kinds[index % kinds.count]
            let device = Device(name: String(format: "%@-%04d", kind.rawValue.uppercased(), id), kind: kind,
                                address: address, location: "Tầng \(index % 4 + 1)", createdAt: created)
            added.append(try store.add(device, by: "bench"))
        }
        let devicesTime = clock.now - started

        started = clock.now
        var rows = (hours: 0, days: 0)
        if historyDays > 0 {
            let endHour = Int(floor(rawStart.timeIntervalSince1970 / 3600))
            rows = try HistoryGenerator(hours: hours, deadEvery: deadEvery)
                .generate(in: store, firstHour: endHour - historyDays * 24, endHour: endHour)
        }
        let historyTime = clock.now - started

        // A few devices staff marked, so the report has equipment issues to list.
        for device in added.prefix(devices / 100) {
            _ = try store.mark(named: device.name, condition: device.id! % 2 == 0 ? .broken : .degraded,
                               note: "bench", by: "bench", at: rawStart)
        }

        let policy = RecordingPolicy(downAfter: 2, interval: interval, hours: hours)
        var factory = CycleFactory(devices: added, deadEvery: deadEvery)
        var writes = Timings()
        var observations = 0
        var time = rawStart
        while time < now {
            let cycle = factory.cycle(at: time)
            let before = clock.now
            try store.record(cycle, policy: policy)
            writes.add(clock.now - before)
            observations += cycle.count
            time.addTimeInterval(interval)
        }
        if let peerSQL {
            try PeerSQL.transaction(factory.cycle(at: time)).write(toFile: peerSQL, atomically: true, encoding: .utf8)
        }

        let report: [String: Any] = [
            "devices": devices, "dead": deadCount, "devicesSeconds": devicesTime.seconds,
            "hourRows": rows.hours, "dayRows": rows.days, "historySeconds": historyTime.seconds,
            "rawCycles": writes.milliseconds.count, "observations": observations, "recordMs": writes.summary,
        ]
        try JSONLine.print(report)
    }
}
