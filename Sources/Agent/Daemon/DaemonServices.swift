import Inventory
import Logging
import ServiceLifecycle

/// The services `kiemke daemon` runs, built in one place: the web page and sync join here.
///
/// The order is the start order; a graceful shutdown stops them in reverse, so the sweep stops
/// first, then retention, then polling finishes its write, then the config reloader lets go of SIGHUP.
public struct DaemonServices: Sendable {
    public let source: ConfigurationSource
    public let polling: PollingService
    public let retention: RetentionService
    public let reload: ConfigReloadService
    /// The scheduled sweep of `[discovery] networks` (idle while none are set).
    public let discovery: DiscoveryService

    /// - Parameter afterBatch: process-wide work the executable does after each recorded batch
    ///   (giving freed memory back), kept out of the library.
    public init(store: InventoryStore, source: ConfigurationSource, events: @escaping DaemonEventSink,
                logger: Logger, afterBatch: @escaping @Sendable () -> Void = {}) {
        self.source = source
        polling = PollingService(store: store, source: source, events: events, logger: logger, afterBatch: afterBatch)
        retention = RetentionService(store: store, source: source, events: events, logger: logger)
        reload = ConfigReloadService(source: source, events: events, logger: logger)
        discovery = DiscoveryService(store: store, source: source, events: events, logger: logger)
    }

    /// Every service, in start order.
    public var all: [any Service] {
        [reload, polling, retention, discovery]
    }
}
