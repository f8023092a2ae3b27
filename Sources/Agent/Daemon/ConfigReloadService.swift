import Logging
import ServiceLifecycle
import UnixSignals

/// Reloads the config on SIGHUP; an invalid file is reported and the previous config kept.
public struct ConfigReloadService: Service {
    private let source: ConfigurationSource
    private let events: DaemonEventSink
    private let logger: Logger

    public init(source: ConfigurationSource, events: @escaping DaemonEventSink, logger: Logger) {
        self.source = source
        self.events = events
        self.logger = logger
    }

    public func run() async throws {
        for await _ in await UnixSignalsSequence(trapping: .sighup).cancelOnGracefulShutdown() {
            logger.debug("reloading the config", metadata: ["signal": "SIGHUP"])
            do {
                try source.reload()
                events(.configReloaded)
            } catch {
                events(.configRejected(error: "\(error)"))
            }
        }
    }
}
