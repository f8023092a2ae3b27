import Foundation
import Inventory
import Logging
import Probes
import ServiceLifecycle
import Synchronization

/// The daemon's polling loop: probes every active device on its interval, spread over the
/// interval, and records the results, until a graceful shutdown.
///
/// Each device has its own due time, first set at a stable offset inside its interval so that
/// devices are not probed in one burst. Due devices are probed together in one batch, and the
/// next batch starts only when this one is recorded, so probing never overlaps itself.
/// Results that cannot be written (disk full, read-only or deleted file) stay in memory and
/// are written on the next try: a failed write loses no observation. A reloaded config
/// (`ConfigurationSource`) takes effect at the next batch.
public final class PollingService: Service, Sendable {
    private let store: InventoryStore
    private let source: ConfigurationSource
    private let events: DaemonEventSink
    private let logger: Logger
    private let afterBatch: @Sendable () -> Void
    /// Whether the last write failed, so that recovery is reported once.
    private let writeFailing = Atomic<Bool>(false)
    /// Most observations kept in memory while the database cannot be written.
    private let pendingLimit: Int
    /// What the pollers remember across cycles and config reloads (cheap probes, facts clock, confirmations).
    private let memory = PollMemory()

    /// - Parameters:
    ///   - events: where state changes, cycles and write failures are reported.
    ///   - afterBatch: called after each recorded batch (the executable gives freed memory back).
    public init(store: InventoryStore, source: ConfigurationSource, events: @escaping DaemonEventSink = { _ in },
                logger: Logger, afterBatch: @escaping @Sendable () -> Void = {}, pendingLimit: Int = 200_000) {
        self.store = store
        self.source = source
        self.events = events
        self.logger = logger
        self.afterBatch = afterBatch
        self.pendingLimit = pendingLimit
    }

    /// Probes every active device once, records the results and returns the summary: one cycle
    /// through the daemon's own code path, for cron users, `probe --all` and tests.
    ///
    /// Throws before probing when a device asks for SNMPv3 and no v3 user is configured.
    public func runOnce() async throws -> CycleSummary {
        let configuration = source.configuration
        let poller = makePoller(configuration)
        try store.syncInternetLinks(configuration.report.internetTargets)
        let plan = PollPlan(devices: try store.devices(includeInternetLinks: true), configuration: configuration)
        try plan.checkCredentials()
        let clock = ContinuousClock()
        let started = clock.now
        var pending = await poller.probe(plan.entries, facts: .always)
        var window = WindowStats(start: Date())
        window.probing = clock.now - started
        flush(&pending, poller: poller, window: &window)
        if !pending.isEmpty {
            throw SchedulerError.notRecorded(count: pending.count, path: store.path)
        }
        return CycleSummary(devices: plan.entries.count, unprobeable: plan.skipped, up: window.up, down: window.down,
                            off: window.off, duration: clock.now - started)
    }

    /// Runs until graceful shutdown (SIGTERM, SIGINT); throws at start when a device asks for
    /// SNMPv3 and no v3 user is configured.
    public func run() async throws {
        var (configuration, generation) = source.current
        try store.syncInternetLinks(configuration.report.internetTargets)
        var plan = PollPlan(devices: try store.devices(includeInternetLinks: true), configuration: configuration)
        try plan.checkCredentials()
        var poller = makePoller(configuration)
        var due: [Int64: Date] = [:]
        var lastLoad = Date.distantPast
        var pending: [Observation] = []
        var window = WindowStats(start: Date())
        var reported: [String] = []
        events(.started(database: store.path, interval: configuration.probe.interval,
                        timeout: configuration.probe.timeout, downAfter: configuration.probe.downAfter))

        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let now = Date()
            let latest = source.current
            if latest.generation != generation {
                (configuration, generation) = latest
                poller = makePoller(configuration)
                lastLoad = .distantPast
                logger.debug("config in force changed", metadata: ["generation": "\(generation)"])
            }
            // Devices added or retired by the CLI are picked up within seconds, without a restart.
            if now.timeIntervalSince(lastLoad) >= min(10, configuration.probe.interval.seconds) {
                do {
                    if lastLoad == .distantPast { try store.syncInternetLinks(configuration.report.internetTargets) }
                    plan = PollPlan(devices: try store.devices(includeInternetLinks: true), configuration: configuration)
                    lastLoad = now
                    if plan.withoutCredentials != reported {
                        reported = plan.withoutCredentials
                        if !reported.isEmpty { events(.missingCredentials(devices: reported)) }
                    }
                    let ids = Set(plan.entries.compactMap(\.device.id))
                    due = due.filter { ids.contains($0.key) }
                    for entry in plan.entries {
                        guard let id = entry.device.id, due[id] == nil else { continue }
                        due[id] = now.addingTimeInterval(Self.offset(of: id) * entry.interval)
                    }
                } catch {
                    events(.deviceListUnreadable(error: "\(error)"))
                }
            }

            let batch = plan.entries.filter { entry in entry.device.id.flatMap { due[$0] }.map { $0 <= now } ?? false }
            if !batch.isEmpty || poller.hasConfirmations(dueBy: now) {
                let started = ContinuousClock.now
                pending += await poller.probe(batch, at: now)
                window.probing += ContinuousClock.now - started
                for entry in batch {
                    guard let id = entry.device.id, let slot = due[id] else { continue }
                    let next = slot.addingTimeInterval(entry.interval)
                    // After a stall, skip the missed slots rather than probe in a burst.
                    due[id] = next > now ? next : now.addingTimeInterval(entry.interval)
                }
                logger.debug("batch probed", metadata: ["devices": "\(batch.count)", "pending": "\(pending.count)"])
                flush(&pending, poller: poller, window: &window)
                afterBatch()
            } else if !pending.isEmpty {
                flush(&pending, poller: poller, window: &window)
            }

            if now.timeIntervalSince(window.start) >= configuration.probe.interval.seconds {
                events(.cycle(.init(devices: plan.entries.count, probes: window.observations, up: window.up,
                                    down: window.down, off: window.off, probing: window.probing,
                                    unprobeable: plan.skipped)))
                window = WindowStats(start: now)
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
        events(.stopped(unwritten: pending.count))
    }

    /// Writes pending observations in one transaction; on failure keeps them for the next try.
    private func flush(_ pending: inout [Observation], poller: Poller, window: inout WindowStats) {
        guard FileManager.default.fileExists(atPath: store.path) else {
            events(.databaseDeleted(path: store.path, held: pending.count))
            trim(&pending)
            return
        }
        do {
            let held = pending.count
            let summary = try store.record(pending, policy: poller.policy)
            for (name, change) in summary.changes {
                events(.stateChanged(device: name, from: change.from, to: change.to, reason: change.reason))
            }
            window.add(summary)
            pending.removeAll()
            if writeFailing.exchange(false, ordering: .relaxed) {
                events(.writeRecovered(path: store.path, written: held))
            }
        } catch {
            writeFailing.store(true, ordering: .relaxed)
            events(.writeFailed(path: store.path, error: "\(error)", held: pending.count))
            trim(&pending)
        }
    }

    private func trim(_ pending: inout [Observation]) {
        if pending.count > pendingLimit {
            events(.observationsDropped(count: pending.count - pendingLimit))
            pending.removeFirst(pending.count - pendingLimit)
        }
    }

    private func makePoller(_ configuration: Configuration) -> Poller {
        let prober = DeviceProber(options: configuration.proberOptions, logger: logger)
        if let error = prober.pingUnavailable { events(.probeUnavailable(method: "icmp", reason: "\(error)")) }
        if let error = prober.snmpUnavailable { events(.probeUnavailable(method: "snmp", reason: "\(error)")) }
        return Poller(store: store, prober: prober, policy: configuration.recordingPolicy, logger: logger,
                      memory: memory, confirmAfter: configuration.probe.confirmAfter.seconds)
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

/// Why the polling service could not do its work.
public enum SchedulerError: Error, CustomStringConvertible {
    case notRecorded(count: Int, path: String)

    public var description: String {
        switch self {
        case .notRecorded(let count, let path):
            "\(count) probe results could not be written to \(path); see the log above"
        }
    }
}

/// Counts for the periodic "cycle" report.
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
