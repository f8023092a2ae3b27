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
/// devices are not probed in one burst. Due devices are probed together in one batch; batches run
/// beside one another (`BatchesInFlight`), never two for one device, so a slow device read
/// holds up only its own batch, and each batch's results are written when it ends.
///
/// Results are written in chunks of `chunkSize` (one transaction each, so a backlog never
/// becomes one ever-growing transaction), followed by a checkpoint that keeps the WAL small.
/// Results that cannot be written (disk full, file deleted) stay in memory and are written on
/// the next try. When the database file is replaced (a restored backup), the store opens the
/// new file and the held results go there. A stop abandons the batch being probed, writes
/// what it holds for at most `stopBudget`, and puts the rest in the spill file
/// (`ObservationSpill`), which the next start writes into the database. A reloaded config
/// (`ConfigurationSource`) takes effect at the next batch.
public final class PollingService: Service, Sendable {
    private let store: InventoryStore
    private let spill: ObservationSpill
    private let source: ConfigurationSource
    private let events: DaemonEventSink
    private let logger: Logger
    private let afterBatch: @Sendable () -> Void
    /// Most observations kept in memory while the database cannot be written.
    private let pendingLimit: Int
    /// What the pollers remember across cycles and config reloads (cheap probes, facts clock, confirmations).
    private let memory = PollMemory()
    /// Records who each device is and moves a silent one that answers elsewhere (issue 17).
    private let identities: AddressChangeWatch

    /// Observations written per transaction.
    static let chunkSize = 500
    /// Read batches probed at once: a second lets devices that fall due during a slow read be read meanwhile.
    static let readBatches = 2
    /// How long a stop spends writing what it holds before spilling the rest.
    static let stopBudget: Duration = .seconds(2)
    /// How long a write waits for another process's lock once a stop was asked for.
    static let stopLockWait: TimeInterval = 1
    /// How often a database that stays unwritable is reported again.
    static let failureReminder: TimeInterval = 60

    /// - Parameters:
    ///   - events: where state changes, cycles and write failures are reported.
    ///   - afterBatch: called after each recorded batch (the executable gives freed memory back).
    public init(store: InventoryStore, source: ConfigurationSource, events: @escaping DaemonEventSink = { _ in },
                logger: Logger, afterBatch: @escaping @Sendable () -> Void = {}, pendingLimit: Int = 200_000) {
        self.store = store
        spill = ObservationSpill(databasePath: store.path)
        self.source = source
        self.events = events
        self.logger = logger
        self.afterBatch = afterBatch
        self.pendingLimit = pendingLimit
        identities = AddressChangeWatch(store: store, events: events, logger: logger)
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
        var held = Held(generation: store.generation)
        let probed = await poller.probe(plan.entries, facts: .always)
        held.append(await identities.review(probed, entries: plan.entries, poller: poller, configuration: configuration, at: Date()).observations,
                    of: plan.entries)
        var window = WindowStats(start: Date())
        window.probing = clock.now - started
        flush(&held, poller: poller, window: &window)
        if !held.isEmpty {
            throw SchedulerError.notRecorded(count: held.count, path: store.path)
        }
        return CycleSummary(devices: plan.entries.count, unprobeable: plan.skipped, up: window.up, down: window.down,
                            off: window.off, duration: clock.now - started)
    }

    /// Runs until graceful shutdown (SIGTERM, SIGINT); throws at start when a device asks for
    /// SNMPv3 and no v3 user is configured.
    public func run() async throws {
        // A write waiting for another process's lock when the stop comes gives up within a second.
        try await withGracefulShutdownHandler {
            try await poll()
        } onGracefulShutdown: { [store] in
            store.limitLockWait(seconds: Self.stopLockWait)
        }
    }

    private func poll() async throws {
        var (configuration, generation) = source.current
        try store.syncInternetLinks(configuration.report.internetTargets)
        var plan = PollPlan(devices: try store.devices(includeInternetLinks: true), configuration: configuration)
        try plan.checkCredentials()
        var poller = makePoller(configuration)
        var due: [Int64: Date] = [:]
        var lastLoad = Date.distantPast
        var loadedStamp: Int64 = -1
        var held = Held(generation: store.generation)
        var window = WindowStats(start: Date())
        var reported: [String] = []
        let inFlight = BatchesInFlight()
        events(.started(database: store.path, interval: configuration.probe.interval,
                        timeout: configuration.probe.timeout, downAfter: configuration.probe.downAfter))
        loadSpill(into: &held)
        flush(&held, poller: poller, window: &window)
        spill.reserveSpace()

        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let now = Date()
            let latest = source.current
            if latest.generation != generation {
                (configuration, generation) = latest
                poller = makePoller(configuration)
                lastLoad = .distantPast
                logger.debug("config in force changed", metadata: ["generation": "\(generation)"])
            }
            // The file is checked every turn, so that a deleted one is let go of (and a restored
            // one opened) at once, not at the next write.
            let fileUsable = checkFile(&held)
            if fileUsable && store.generation != held.generation {
                reopened(&held)
                lastLoad = .distantPast
            }
            // Devices added or retired by the CLI are picked up within seconds, without a restart.
            // The list is read again only when the change log says a device changed (reading 1,000 devices
            // every 10 s was a good part of the daemon's CPU).
            if fileUsable && now.timeIntervalSince(lastLoad) >= min(10, configuration.probe.interval.seconds) {
                do {
                    if lastLoad == .distantPast { try store.syncInternetLinks(configuration.report.internetTargets) }
                    let stamp = try store.deviceListStamp()
                    if lastLoad == .distantPast || stamp != loadedStamp {
                        plan = PollPlan(devices: try store.devices(includeInternetLinks: true), configuration: configuration)
                        loadedStamp = stamp
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
                    }
                    lastLoad = now
                } catch {
                    events(.deviceListUnreadable(error: "\(error)"))
                }
            }

            // Devices due and not already being probed. Checks and reads go in lanes of their own, so that a
            // slow read (up to the read deadline) holds up only the reads due with it, never the other devices'
            // checks; a lane that is full leaves its devices due, and its next batch takes them all.
            let batch = plan.entries.filter { entry in
                guard let id = entry.device.id, let slot = due[id], slot <= now else { return false }
                return !inFlight.contains(id)
            }
            let (dueReads, dueChecks) = poller.splitByRead(batch, at: now)
            var started: [PollPlan.Entry] = []
            // Each batch's results pass the identity watch, which may find a silent device at a new address.
            let review = { @Sendable [identities, plan, configuration] (observations: [Observation], poller: Poller) async in
                await identities.review(observations, entries: plan.entries, poller: poller, configuration: configuration, at: now).observations
            }
            if (!dueChecks.isEmpty || poller.hasConfirmations(dueBy: now)) && inFlight.count(in: .checks) == 0 {
                inFlight.start(dueChecks.compactMap(\.device.id), in: .checks) { [poller] in
                    await review(await poller.probe(dueChecks, at: now), poller)
                }
                started += dueChecks
            }
            if !dueReads.isEmpty && inFlight.count(in: .reads) < Self.readBatches {
                inFlight.start(dueReads.compactMap(\.device.id), in: .reads) { [poller] in
                    await review(await poller.probe(dueReads, at: now, confirming: false), poller)
                }
                started += dueReads
            }
            for entry in started {
                guard let id = entry.device.id, let slot = due[id] else { continue }
                let next = slot.addingTimeInterval(entry.interval)
                // After a stall, skip the missed slots rather than probe in a burst.
                due[id] = next > now ? next : now.addingTimeInterval(entry.interval)
            }
            let finished = inFlight.takeFinished()
            // A device moved to a new address: the device list is read again so the next probe goes there.
            if identities.takeMoved() { lastLoad = .distantPast }
            if finished.batches > 0 {
                // Confirmation re-probes come back with the batch: their devices are found in the whole plan.
                held.append(finished.observations, of: plan.entries)
                window.probing += finished.probing
                logger.debug("batch probed", metadata: ["devices": "\(finished.observations.count)", "pending": "\(held.count)",
                                                        "in_flight": "\(inFlight.count)"])
                if fileUsable { flush(&held, poller: poller, window: &window) }
                trim(&held)
                afterBatch()
            } else if !held.isEmpty && fileUsable {
                flush(&held, poller: poller, window: &window)
            }

            if now.timeIntervalSince(window.start) >= configuration.probe.interval.seconds {
                events(.cycle(.init(devices: plan.entries.count, probes: window.observations, up: window.up,
                                    down: window.down, off: window.off, probing: window.probing,
                                    unprobeable: plan.skipped)))
                window = WindowStats(start: now)
            }

            // A device being probed, or due and waiting for its lane, is not waited for: the nap ends when a
            // batch finishes, and its results are written and the waiting devices started at once. While a
            // batch of checks is out, devices falling due wait for it anyway: no turn every few
            // milliseconds (at 1,000 devices a minute one falls due every 60 ms) to find that out.
            let nextDue = inFlight.count(in: .checks) > 0 ? now.addingTimeInterval(1)
                : due.lazy.map(\.value).filter { $0 > now }.min() ?? now.addingTimeInterval(1)
            let wait = min(max(nextDue.timeIntervalSinceNow, 0.05), 1)
            // The nap ends early when a batch finishes, so its results are written at once.
            await cancelWhenGracefulShutdown {
                await inFlight.nap(.milliseconds(Int(wait * 1000)))
            }
        }
        // A stop abandons the batches in flight: their devices have no result yet, so nothing held is lost.
        inFlight.cancelAll()
        stop(&held, poller: poller, window: &window)
    }

    // MARK: - Writing

    /// Observations waiting to be written, oldest first, with how many at the front came from the spill file.
    struct Held {
        /// The store generation whose file the held device ids belong to.
        var generation: Int
        var observations: [HeldObservation] = []
        /// The first `fromSpill` were read from the spill file, which stays until they are written.
        var fromSpill = 0
        var count: Int { observations.count }
        var isEmpty: Bool { observations.isEmpty }

        /// Holds `results`, each under the UUID of its device in `entries` (a device no longer there is dropped).
        mutating func append(_ results: [Observation], of entries: [PollPlan.Entry]) {
            guard !results.isEmpty else { return }
            var uuids: [Int64: UUID] = [:]
            for entry in entries { if let id = entry.device.id { uuids[id] = entry.device.uuid } }
            for observation in results {
                guard let uuid = uuids[observation.deviceId] else { continue }
                observations.append(HeldObservation(deviceUUID: uuid, observation: observation))
            }
        }

        mutating func removeFirst(_ count: Int) {
            observations.removeFirst(count)
            fromSpill = max(0, fromSpill - count)
        }
    }

    /// The state of the database file the last turn found, so that each change is reported once.
    private enum FileProblem: Equatable { case none, deleted, beingReplaced, other }
    private let fileProblem = Mutex<FileProblem>(.none)
    /// When an unwritable database was last reported, nil while writes succeed.
    private let failingSince = Mutex<Date?>(nil)

    /// Checks the database file; reports it deleted once. Returns whether it can be written to.
    private func checkFile(_ held: inout Held) -> Bool {
        let problem: FileProblem
        do {
            try store.checkFile()
            problem = .none
        } catch InventoryError.databaseDeleted {
            problem = .deleted
        } catch InventoryError.databaseBeingReplaced {
            problem = .beingReplaced
        } catch {
            problem = .other
        }
        let previous = fileProblem.withLock { state in
            defer { state = problem }
            return state
        }
        if problem == .deleted && previous != .deleted {
            events(.databaseDeleted(path: store.path, held: held.count))
        }
        // Another error (a restored file that cannot be opened) is the write's to report.
        return problem == .none || problem == .other
    }

    /// The store opened a new file: the held results name their devices by uuid, so they are
    /// matched to its rows; those of devices it does not have are dropped and counted.
    private func reopened(_ held: inout Held) {
        do {
            let generation = store.generation
            let ids = try deviceIds()
            let before = held.count
            held.generation = generation
            held.observations = held.observations.compactMap { item in
                guard let id = ids[item.deviceUUID] else { return nil }
                var item = item
                item.observation.deviceId = id
                return item
            }
            held.fromSpill = min(held.fromSpill, held.count)
            events(.databaseReopened(path: store.path, held: held.count, unmatched: before - held.count))
        } catch {
            events(.deviceListUnreadable(error: "\(error)"))
        }
    }

    private func deviceIds() throws -> [UUID: Int64] {
        let devices = try store.devices(includeRetired: true, includeInternetLinks: true)
        return Dictionary(devices.compactMap { device in device.id.map { (device.uuid, $0) } }, uniquingKeysWith: { a, _ in a })
    }

    /// Reads the spill file the last stop left, to be written first.
    private func loadSpill(into held: inout Held) {
        guard spill.exists else { return }
        do {
            let contents = try spill.read()
            held.generation = store.generation
            let ids = try deviceIds()
            var loaded: [HeldObservation] = []
            for var item in contents.observations {
                guard let id = ids[item.deviceUUID] else { continue }
                item.observation.deviceId = id
                loaded.append(item)
            }
            held.observations.insert(contentsOf: loaded, at: 0)
            held.fromSpill = loaded.count
            events(.spillLoaded(path: spill.path, observations: loaded.count,
                                unmatched: contents.observations.count - loaded.count, badLines: contents.badLines.count))
            if loaded.isEmpty { spill.remove() }
        } catch {
            events(.spillUnreadable(path: spill.path, error: "\(error)"))
        }
    }

    /// Writes held observations in chunks, oldest first, until all are written, one fails, or
    /// `deadline` passes; what is not written stays held.
    private func flush(_ held: inout Held, poller: Poller, window: inout WindowStats,
                       deadline: ContinuousClock.Instant? = nil) {
        guard !held.isEmpty else { return }
        let hadSpill = held.fromSpill > 0
        var written = 0
        var failure: (any Error)?
        while written < held.count {
            if let deadline, ContinuousClock.now >= deadline { break }
            // A long backlog yields to a stop, which writes for a bounded time and spills the rest.
            if deadline == nil && written > 0 && Task.isShuttingDownGracefully { break }
            let end = min(written + Self.chunkSize, held.count)
            let chunk = held.observations[written..<end].map(\.observation)
            do {
                let summary = try store.record(chunk, policy: poller.policy, skippingRecorded: written < held.fromSpill,
                                                generation: held.generation)
                for (name, change) in summary.changes {
                    events(.stateChanged(device: name, from: change.from, to: change.to, reason: change.reason))
                }
                window.add(summary)
                written = end
            } catch {
                failure = error
                break
            }
        }
        held.removeFirst(written)
        if written > 0 {
            // Lets the next write start the WAL over, so it stays as small as one chunk.
            do { try store.checkpoint() } catch {
                logger.debug("checkpoint failed", metadata: ["error": "\(error)"])
            }
            if hadSpill && held.fromSpill == 0 {
                spill.remove()
                events(.spillImported(path: spill.path))
            }
        }
        if let failure {
            let now = Date()
            let remind = failingSince.withLock { since in
                defer { if since == nil || now.timeIntervalSince(since!) >= Self.failureReminder { since = now } }
                return since.map { now.timeIntervalSince($0) >= Self.failureReminder } ?? true
            }
            if remind, !Self.isDeleted(failure) {
                events(.writeFailed(path: store.path, error: "\(failure)", held: held.count))
            }
        } else if failingSince.withLock({ $0.take() }) != nil {
            events(.writeRecovered(path: store.path, written: written))
        }
    }

    /// Errors the file check reports (or the next turn's remapping answers), not write failures.
    private static func isDeleted(_ error: any Error) -> Bool {
        switch error {
        case InventoryError.databaseDeleted, InventoryError.databaseReplaced, InventoryError.databaseBeingReplaced: true
        default: false
        }
    }

    private func trim(_ held: inout Held) {
        if held.count > pendingLimit {
            let dropped = held.count - pendingLimit
            events(.observationsDropped(count: dropped))
            held.removeFirst(dropped)
        }
    }

    /// On a stop: writes what is held for at most `stopBudget`, spills the rest, reports the totals.
    private func stop(_ held: inout Held, poller: Poller, window: inout WindowStats) {
        store.limitLockWait(seconds: Self.stopLockWait)
        if !held.isEmpty {
            flush(&held, poller: poller, window: &window, deadline: .now + Self.stopBudget)
        }
        let unwritten = held.count
        var spilled = 0
        if !held.isEmpty {
            let outcome = spill.write(held.observations)
            spilled = outcome.written
            events(.spilled(path: spill.path, observations: outcome.written, lost: outcome.lost, error: outcome.error))
        }
        events(.stopped(unwritten: unwritten, spilled: spilled))
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
