import Foundation
import Inventory
import Logging
import ServiceLifecycle

/// Removes raw observations older than `retention.raw_days`: once at start, then daily.
///
/// Hourly and daily availability are never removed, so reports on past periods stay exact.
public struct RetentionService: Service {
    private let store: InventoryStore
    private let source: ConfigurationSource
    private let events: DaemonEventSink
    private let logger: Logger
    /// Time between prunes.
    private let period: Duration
    /// Time before trying again after a failed prune.
    private let retry: Duration

    public init(store: InventoryStore, source: ConfigurationSource, events: @escaping DaemonEventSink, logger: Logger,
                period: Duration = .seconds(86_400), retry: Duration = .seconds(60)) {
        self.store = store
        self.source = source
        self.events = events
        self.logger = logger
        self.period = period
        self.retry = retry
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let wait = pruneOnce() ? period : retry
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: wait) }
        }
    }

    /// Prunes with the retention in force now; returns whether it worked.
    @discardableResult
    public func pruneOnce(now: Date = Date()) -> Bool {
        let days = source.configuration.retention.rawDays
        do {
            let removed = try store.pruneObservations(olderThanDays: days, now: now)
            logger.debug("pruned raw observations", metadata: ["removed": "\(removed)", "older_than_days": "\(days)"])
            if removed > 0 { events(.pruned(removed: removed, olderThanDays: days)) }
            return true
        } catch {
            events(.pruneFailed(error: "\(error)"))
            return false
        }
    }
}
