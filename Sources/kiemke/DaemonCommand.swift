import Agent
import ArgumentParser
import Foundation
import Inventory
import Logging
import ServiceLifecycle

/// `kiemke daemon`: the agent that polls every device on a schedule.
struct DaemonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "daemon",
        abstract: "Poll every device on a schedule and record what it finds (SIGTERM stops, SIGHUP reloads).")

    @OptionGroup var global: GlobalOptions
    @Option(help: "How often each device is polled, e.g. 30s or 5m (default: the config's, else 5m).") var interval: String?
    @Flag(help: "Poll every device once, record, and exit.") var once = false

    func validate() throws {
        if let interval, DurationText.parse(interval) == nil {
            throw ValidationError("--interval \"\(interval)\" is not a duration; write it like 30s, 5m or 1h")
        }
    }

    func run() async throws {
        let workspace = try global.workspace()
        let logger = Logger(label: "kiemke.daemon")
        let override = interval.flatMap(DurationText.parse)
        var configuration = workspace.configuration
        if let override { configuration.probe.interval = override }
        let store = try workspace.openStore(maximumReaders: 2)
        logger.notice("using config \(workspace.configPath ?? "(none: built-in defaults)") and database \(store.path)")
        let scheduler = PollScheduler(
            store: store, configuration: configuration,
            loadConfiguration: {
                var reloaded = try Workspace(dbFlag: global.db, configFlag: global.config).configuration
                if let override { reloaded.probe.interval = override }
                return reloaded
            },
            logger: logger)
        if once {
            print(try await scheduler.runOnce())
            return
        }
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: scheduler)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
