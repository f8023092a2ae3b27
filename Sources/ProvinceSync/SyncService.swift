import Foundation
import Inventory
import Logging
import ProvinceStore
import ServiceLifecycle

/// The daemon's sync: a round every `interval`, backing off after failures (30 s doubling to 30
/// minutes), logging when the state changes (working → failing → working), not every try.
/// Runs beside polling and never blocks it: rounds read the store like any other reader.
public struct SyncService: Service {
    private let store: InventoryStore
    /// The settings in force now (the config may be reloaded); nil when `[sync] url` was removed.
    private let settings: @Sendable () -> SyncSettings?
    private let logger: Logger
    private let firstBackoff: Duration
    private let maximumBackoff: Duration

    public init(store: InventoryStore, settings: @escaping @Sendable () -> SyncSettings?, logger: Logger,
                firstBackoff: Duration = .seconds(30), maximumBackoff: Duration = .seconds(1_800)) {
        self.store = store
        self.settings = settings
        self.logger = logger
        self.firstBackoff = firstBackoff
        self.maximumBackoff = maximumBackoff
    }

    public func run() async throws {
        var backoff = SyncBackoff(first: firstBackoff, maximum: maximumBackoff)
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            guard let settings = settings() else {
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(60)) }
                continue
            }
            let wait: Duration
            do {
                let outcome = try await cancelWhenGracefulShutdown {
                    try await SyncRound.run(store: store, settings: settings, logger: logger)
                }
                if backoff.failures > 0 {
                    logger.notice("sync to the province works again", metadata: ["after_failures": "\(backoff.failures)"])
                }
                logger.debug("sync round done", metadata: ["changes": "\(outcome.changes)", "batches": "\(outcome.batches)"])
                backoff.succeeded()
                wait = settings.interval
            } catch {
                if Task.isShuttingDownGracefully { break }
                let message = "\(error)"
                if backoff.failed(reason: message) {
                    logger.warning("sync to the province failed; retrying with backoff", metadata: ["error": "\(message)"])
                } else {
                    logger.debug("sync to the province still failing", metadata: ["error": "\(message)"])
                }
                wait = backoff.delay
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: wait) }
        }
    }
}
