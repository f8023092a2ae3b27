import Foundation
import Inventory
import Logging
import Probes
import ServiceLifecycle
import Synchronization
import UnixSignals

/// The daemon's loop: probes every active device on its interval, spread over the interval,
/// and records the results, until a graceful shutdown.
///
/// Each device has its own due time, first set at a stable offset inside its interval so that
/// devices are not probed in one burst. Due devices are probed together in one batch, and the
/// next batch starts only when this one is recorded, so probing never overlaps itself.
/// Results that cannot be written (disk full, read-only or deleted file) stay in memory and
/// are written on the next try: a failed write loses no observation.
public final class PollScheduler: Service, Sendable {
    /// Reads the config again (SIGHUP); throws when the new one is invalid.
    public typealias ConfigLoader = @Sendable () throws -> Configuration

    private let store: InventoryStore
    private let initialConfiguration: Configuration
    private let loadConfiguration: ConfigLoader
    private let logger: Logger
    private let reloadRequested = Atomic<Bool>(false)
    /// Whether the last write failed, so that recovery is logged once.
    private let writeFailing = Atomic<Bool>(false)
    /// Most observations kept in memory while the database cannot be written.
    private let pendingLimit: Int

    public init(store: InventoryStore, configuration: Configuration, loadConfiguration: @escaping ConfigLoader,
                logger: Logger, pendingLimit: Int = 200_000) {
        self.store = store
        self.initialConfiguration = configuration
        self.loadConfiguration = loadConfiguration
        self.logger = logger
        self.pendingLimit = pendingLimit
    }

    /// Runs until graceful shutdown (SIGTERM, SIGINT); SIGHUP reloads the config and the device list.
    public func run() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { [self] in
                for await _ in await UnixSignalsSequence(trapping: .sighup) {
                    reloadRequested.store(true, ordering: .relaxed)
                }
            }
            try await loop()
            group.cancelAll()
        }
    }

    /// Probes every active device once, records the results and returns the summary: one cycle
    /// through the daemon's own code path, for cron users, `probe --all` and tests.
    public func runOnce() async throws -> CycleSummary {
        let poller = makePoller(initialConfiguration)
        try store.syncInternetLinks(initialConfiguration.report.internetTargets)
        let plan = PollPlan(devices: try store.devices(includeInternetLinks: true), configuration: initialConfiguration)
        let clock = ContinuousClock()
        let started = clock.now
        var pending = await poller.probe(plan.entries)
        var window = WindowStats(start: Date())
        window.probing = clock.now - started
        flush(&pending, poller: poller, window: &window)
        if !pending.isEmpty {
            throw SchedulerError.notRecorded(count: pending.count, path: store.path)
        }
        return CycleSummary(devices: plan.entries.count, unprobeable: plan.skipped, up: window.up, down: window.down,
                            off: window.off, duration: clock.now - started)
    }

    private func loop() async throws {
        MemoryTuning.limitArenas()
        var configuration = initialConfiguration
        var poller = makePoller(configuration)
        var due: [Int64: Date] = [:]
        var plan = PollPlan(devices: [], configuration: configuration)
        var lastLoad = Date.distantPast
        var lastPrune = Date.distantPast
        var pending: [Observation] = []
        var window = WindowStats(start: Date())
        logger.notice("daemon started", metadata: [
            "db": "\(store.path)", "interval": "\(configuration.probe.interval)",
            "timeout": "\(configuration.probe.timeout)", "down_after": "\(configuration.probe.downAfter)",
        ])

        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let now = Date()
            if reloadRequested.exchange(false, ordering: .relaxed) {
                do {
                    configuration = try loadConfiguration()
                    poller = makePoller(configuration)
                    lastLoad = .distantPast
                    logger.notice("config reloaded")
                } catch {
                    logger.error("config not reloaded, keeping the previous one: \(error)")
                }
            }
            // Devices added or retired by the CLI are picked up within seconds, without a restart.
            if now.timeIntervalSince(lastLoad) >= min(10, configuration.probe.interval.seconds) {
                do {
                    if lastLoad == .distantPast { try store.syncInternetLinks(configuration.report.internetTargets) }
                    plan = PollPlan(devices: try store.devices(includeInternetLinks: true), configuration: configuration)
                    lastLoad = now
                    let ids = Set(plan.entries.map { $0.device.id! })
                    due = due.filter { ids.contains($0.key) }
                    for entry in plan.entries where due[entry.device.id!] == nil {
                        due[entry.device.id!] = now.addingTimeInterval(Self.offset(of: entry.device.id!) * entry.interval)
                    }
                } catch {
                    logger.error("cannot read the device list, keeping the previous one: \(error)")
                }
            }

            let batch = plan.entries.filter { due[$0.device.id!]! <= now }
            if !batch.isEmpty {
                let started = ContinuousClock.now
                pending += await poller.probe(batch, at: now)
                window.probing += ContinuousClock.now - started
                for entry in batch {
                    let next = due[entry.device.id!]!.addingTimeInterval(entry.interval)
                    // After a stall, skip the missed slots rather than probe in a burst.
                    due[entry.device.id!] = next > now ? next : now.addingTimeInterval(entry.interval)
                }
                flush(&pending, poller: poller, window: &window)
                MemoryTuning.releaseFreedMemory()
            } else if !pending.isEmpty {
                flush(&pending, poller: poller, window: &window)
            }

            if now.timeIntervalSince(window.start) >= configuration.probe.interval.seconds {
                logger.info("cycle", metadata: [
                    "devices": "\(plan.entries.count)", "probes": "\(window.observations)", "up": "\(window.up)",
                    "down": "\(window.down)", "off": "\(window.off)", "probing": "\(window.probing)",
                    "unprobeable": "\(plan.skipped)",
                ])
                window = WindowStats(start: now)
            }
            if now.timeIntervalSince(lastPrune) >= 86_400 {
                do {
                    let removed = try store.pruneObservations(olderThanDays: configuration.retention.rawDays)
                    lastPrune = now
                    if removed > 0 { logger.info("pruned \(removed) raw observations older than \(configuration.retention.rawDays) days") }
                } catch {
                    logger.warning("could not prune old observations: \(error)")
                }
            }

            let nextDue = due.values.min() ?? now.addingTimeInterval(1)
            let wait = min(max(nextDue.timeIntervalSinceNow, 0.05), 1)
            try? await cancelWhenGracefulShutdown {
                try await Task.sleep(for: .milliseconds(Int(wait * 1000)))
            }
        }
        if !pending.isEmpty {
            flush(&pending, poller: poller, window: &window)
        }
        logger.notice("daemon stopped", metadata: ["unwritten": "\(pending.count)"])
    }

    /// Writes pending observations in one transaction; on failure keeps them for the next try.
    private func flush(_ pending: inout [Observation], poller: Poller, window: inout WindowStats) {
        guard FileManager.default.fileExists(atPath: store.path) else {
            logger.error("the database file \(store.path) was deleted; keeping \(pending.count) observations in memory. Restore the file, or restart kiemke to start a new database")
            trim(&pending)
            return
        }
        do {
            let held = pending.count
            let summary = try store.record(pending, policy: poller.policy)
            summary.log(to: logger)
            window.add(summary)
            pending.removeAll()
            if writeFailing.exchange(false, ordering: .relaxed) {
                logger.notice("the database \(store.path) is writable again; wrote the \(held) observations held in memory")
            }
        } catch {
            writeFailing.store(true, ordering: .relaxed)
            logger.error("cannot write to the database \(store.path): \(error); keeping \(pending.count) observations in memory and retrying")
            trim(&pending)
        }
    }

    private func trim(_ pending: inout [Observation]) {
        if pending.count > pendingLimit {
            logger.warning("dropping the \(pending.count - pendingLimit) oldest unwritten observations")
            pending.removeFirst(pending.count - pendingLimit)
        }
    }

    private func makePoller(_ configuration: Configuration) -> Poller {
        Poller(store: store, prober: DeviceProber(options: configuration.proberOptions, logger: logger),
               policy: configuration.recordingPolicy, logger: logger)
    }

    /// A stable fraction in [0, 1) per device, so each keeps its slot in the interval across restarts.
    static func offset(of id: Int64) -> Double {
        Double((UInt64(bitPattern: id) &* 0x9E37_79B9_7F4A_7C15) >> 11) / Double(UInt64(1) << 53)
    }
}

/// What one pass over every device found.
public struct CycleSummary: Sendable, Equatable, CustomStringConvertible {
    public var devices: Int
    /// Devices with no network address, which are counted but not probed.
    public var unprobeable: Int
    public var up: Int
    public var down: Int
    public var off: Int
    public var duration: Duration

    public var description: String {
        let seconds = String(format: "%.1f", duration.seconds)
        var text = "probed \(devices) device\(devices == 1 ? "" : "s") in \(seconds) s: \(up) up, \(down) down"
        if off > 0 { text += ", \(off) off (outside office hours)" }
        if unprobeable > 0 { text += "; \(unprobeable) without a network address not probed" }
        return text
    }
}

/// Why the scheduler could not do its work.
public enum SchedulerError: Error, CustomStringConvertible {
    case notRecorded(count: Int, path: String)

    public var description: String {
        switch self {
        case .notRecorded(let count, let path):
            "\(count) probe results could not be written to \(path); see the log above"
        }
    }
}

/// Counts for the periodic "cycle" log line.
struct WindowStats {
    var start: Date
    var observations = 0
    var up = 0
    var down = 0
    var off = 0
    var probing: Duration = .zero

    mutating func add(_ summary: RecordSummary) {
        observations += summary.observations
        up += summary.up
        down += summary.down
        off += summary.off
    }
}
