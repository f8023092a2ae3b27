import Discovery
import Foundation
import Inventory
import KiemkeCore
import Logging
import ServiceLifecycle

/// Sweeps the office's `[discovery] networks` every `discovery.interval` (the first 10 seconds after start):
/// devices answering that the inventory lacks become "new device, not in the list" attention items until
/// enrolled or ignored; identity conflicts become attention items too. Does nothing while no network is set.
public struct DiscoveryService: Service {
    private let store: InventoryStore
    private let source: ConfigurationSource
    private let events: DaemonEventSink
    private let logger: Logger
    /// The wait before the first sweep, so that the first polling batch goes out alone.
    private let firstDelay: Duration

    public init(store: InventoryStore, source: ConfigurationSource, events: @escaping DaemonEventSink, logger: Logger,
                firstDelay: Duration = .seconds(10)) {
        self.store = store
        self.source = source
        self.events = events
        self.logger = logger
        self.firstDelay = firstDelay
    }

    public func run() async throws {
        var wait = firstDelay
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let pause = wait
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pause) }
            if Task.isShuttingDownGracefully || Task.isCancelled { break }
            let configuration = source.configuration
            if configuration.discovery.networks.isEmpty {
                // Off: look again in a minute, so a reloaded config with networks starts sweeping.
                wait = .seconds(60)
                continue
            }
            await sweepOnce(configuration)
            wait = configuration.discovery.interval
        }
    }

    /// One sweep of `configuration`'s networks, its new devices and conflicts noted in the store.
    @discardableResult
    public func sweepOnce(_ configuration: Configuration, now: Date = Date()) async -> [ProposalEntry] {
        do {
            let ranges = try configuration.discovery.networks.map { text throws(DiscoveryError) in try SweepRange(text) }
            let addresses = SweepRange.addresses(of: ranges)
            let sweeper = NetworkSweeper(options: try DiscoveryRun.options(configuration), logger: logger)
            let clock = ContinuousClock()
            let start = clock.now
            let outcome = await sweeper.sweep(addresses)
            let entries = try DiscoveryRun.propose(outcome.findings, store: store)
            let (known, _) = try DiscoveryRun.inventory(store)
            let fresh = entries.filter { $0.status == .new && $0.conflicts.isEmpty }
            let conflicts = IdentityConflict.find(in: entries.map(\.finding), inventory: known).map(AddressChangeWatch.sighting)
            try store.noteDiscovery(new: fresh.map { NewDeviceSighting(address: $0.finding.address.description, mac: $0.finding.mac,
                                                                       kind: $0.finding.kind) },
                                    conflicts: conflicts, at: now)
            for conflict in conflicts { events(.identityConflict(device: nil, conflict: conflict)) }
            events(.sweepFinished(swept: outcome.swept, found: entries.count, new: fresh.count, seconds: (clock.now - start).seconds))
            return entries
        } catch {
            events(.sweepFailed(error: "\(error)"))
            return []
        }
    }
}
