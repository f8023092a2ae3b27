import Agent
import ArgumentParser
import Foundation
import Inventory
import Logging
import OfficeWeb
import ServiceLifecycle

/// `kiemke daemon`: the agent that polls every device on a schedule.
struct DaemonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "daemon",
        abstract: "Poll every device on a schedule and record what it finds (SIGTERM stops, SIGHUP reloads).",
        discussion: """
            With [web] listen set in the config, the daemon also serves the office's web page there. SIGHUP \
            reloads the probe settings and the page's require_login and secure_cookies; a change to [web] listen \
            or session_timeout takes effect after a restart (systemctl restart kiemke).
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "How often each device is polled, e.g. 30s or 5m, 100ms to 1d (default: the config's, else 5m).",
            transform: DurationOption.daemonInterval) var interval: Duration?
    @Flag(help: "Poll every device once, record, and exit.") var once = false

    func run() async throws {
        let workspace = try global.workspace()
        let logger = Logger(label: "kiemke.daemon")
        let override = interval
        var configuration = workspace.configuration
        if let override { configuration.probe.interval = override }
        // The daemon holds what it cannot write and tries again, so it need not wait long for a lock.
        // Small page caches: the daemon writes in short batches and reads little; each of its three
        // connections would otherwise keep up to 2 MB (SQLite's default) of the database in memory.
        let store = try workspace.openStore(maximumReaders: 2, pageCacheKiB: 512, waitForLocks: 10)
        // Held until the process ends: a second daemon (or `--once`) on this database exits 1.
        let lock = try DaemonLock(databasePath: store.path)
        logger.notice("using config and database", metadata: [
            "config": "\(workspace.configPath ?? "(none: built-in defaults)")", "db": "\(store.path)",
        ])
        let global = global
        let source = ConfigurationSource(configuration) {
            var reloaded = try Workspace(dbFlag: global.db, configFlag: global.config).configuration
            if let override { reloaded.probe.interval = override }
            return reloaded
        }
        // The office's web page, when `[web] listen` is set: one more service in the group.
        let web = try configuration.web.listen.map { _ in try OfficeWeb(store: store, source: source, logger: Logger(label: "kiemke.web")) }
        let services = DaemonServices(store: store, source: source, events: { $0.log(to: logger); web?.observe($0) }, logger: logger,
                                      afterBatch: { MemoryTuning.releaseFreedMemory() })
        if once {
            print(try await services.polling.runOnce().text(MessageLanguage.current))
            withExtendedLifetime(lock) {}
            return
        }
        var all = services.all
        if let web, let listen = configuration.web.listen {
            all.append(web.application(listen: listen))
            logger.notice("serving the web page", metadata: ["url": "http://\(listen)/"])
        }
        // Start-up is over: what stays resident of the program is what the polling and the page run.
        MemoryTuning.releaseStartupCode()
        // Once more when the services have started: their own start-up (event loops, the sync's
        // PostgreSQL client, TLS) is code that never runs again (13.7 -> 10.1 MB of code resident
        // near the peak; BENCHMARKS.md, "Code layout"). Once, not periodically: what the polling runs
        // comes back from the page cache once and stays.
        let startedServices = Task.detached(priority: .background) {
            try? await Task.sleep(for: .seconds(10))
            if !Task.isCancelled { MemoryTuning.releaseStartupCode() }
        }
        defer { startedServices.cancel() }
        let group = ServiceGroup(configuration: .init(
            services: all.map { .init(service: $0) }, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        withExtendedLifetime(lock) {}
    }
}
