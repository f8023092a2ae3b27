import Agent
import Foundation
import Hummingbird
import Inventory
import Logging
import Mustache

/// The office's web page: status, device pages, marks, reports, the device list, `/metrics` and
/// `/healthz`, over one store. `kiemke web` serves it alone; `kiemke daemon` beside polling.
public struct OfficeWeb: Sendable {
    let store: InventoryStore
    let source: ConfigurationSource
    let sessions: SessionStore
    let throttle: LoginThrottle
    let templates: MustacheLibrary
    let logger: Logger
    let now: @Sendable () -> Date
    let cycle = CycleGauge()
    /// The status page's tables, kept a few seconds per view (see `StatusPageCache`).
    let statusCache: StatusPageCache

    /// - Parameters:
    ///   - store: where pages read and forms write (through the store's one write path).
    ///   - source: the configuration in force (the daemon's, which SIGHUP reloads).
    ///   - now: the clock; tests set it.
    public init(store: InventoryStore, source: ConfigurationSource, logger: Logger = Logger(label: "kiemke.web"),
                now: @escaping @Sendable () -> Date = { Date() }) throws {
        self.store = store
        self.source = source
        self.logger = logger
        self.now = now
        let timeout = source.configuration.web.sessionTimeout
        sessions = SessionStore(timeout: Double(timeout.components.seconds))
        throttle = LoginThrottle()
        var library = MustacheLibrary()
        for (name, text) in WebTemplates.all { try library.register(text, named: name) }
        templates = library
        statusCache = StatusPageCache(store: store, logger: logger)
    }

    var configuration: Configuration { source.configuration }

    /// Hears the daemon's events (the cycle duration `/metrics` reports).
    public func observe(_ event: DaemonEvent) {
        cycle.observe(event)
    }

    /// Every route, behind the security headers.
    public func router() -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        router.add(middleware: SecurityHeaders())
        router.add(middleware: StatusCacheReset(cache: statusCache))
        addReadingRoutes(to: router)
        addAuthRoutes(to: router)
        addMarkRoutes(to: router)
        addDeviceListRoutes(to: router)
        addReportRoutes(to: router)
        addDiscoveryRoutes(to: router)
        return router
    }

    /// The HTTP server on `listen`: a Service for a ServiceGroup.
    public func application(listen: ListenAddress) -> some ApplicationProtocol {
        Application(router: router(),
                    configuration: .init(address: .hostname(listen.host, port: listen.port), serverName: nil),
                    logger: logger)
    }
}
