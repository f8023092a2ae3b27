import Foundation
import Inventory
import Logging
import ProvinceStore

/// One sync round: every batch after the acknowledged mark, each committed by the province before
/// the mark moves past it, until nothing is pending. All of it under the round's deadline.
public enum SyncRound {
    /// What a round did.
    public struct Outcome: Sendable, Equatable {
        public var batches = 0
        public var changes = 0
        public var stateChanges = 0
        public var observations = 0
        /// Bytes of rows sent (JSON), a lower bound of what went over the wire.
        public var bytes = 0
    }

    /// Runs one round; on failure records the reason in the store (what is pending stays pending) and rethrows.
    @discardableResult
    public static func run(store: InventoryStore, settings: SyncSettings, logger: Logger) async throws -> Outcome {
        do {
            let outcome = try await withRoundDeadline(settings.roundDeadline) {
                try await send(store: store, settings: settings, logger: logger)
            }
            try store.recordSyncRound(at: Date(), error: nil)
            return outcome
        } catch {
            try? store.recordSyncRound(at: Date(), error: "\(error)")
            throw error
        }
    }

    private static func send(store: InventoryStore, settings: SyncSettings, logger: Logger) async throws -> Outcome {
        let connection = try await ProvinceConnection.connect(settings.url, password: settings.password,
                                                              deadlines: settings.deadlines, logger: logger)
        do {
            var outcome = Outcome()
            var cursor = try store.syncCursor()
            while true {
                try Task.checkCancellation()
                let batch = try store.syncBatch(after: cursor, limit: settings.batchSize, hours: settings.hours)
                // An empty round still says hello: the office row and its last sync.
                if batch.isEmpty && outcome.batches > 0 { break }
                outcome.bytes += try await CommuneUpload.send(batch, office: settings.office, on: connection)
                // Only now, after the commit: a crash before this line sends the batch again, which the upserts absorb.
                try store.acknowledgeSync(batch.next, at: Date())
                cursor = batch.next
                outcome.batches += 1
                outcome.changes += batch.changeCount
                outcome.stateChanges += batch.stateChangeCount
                outcome.observations += batch.observationCount
                logger.debug("sync batch committed", metadata: [
                    "changes": "\(batch.changeCount)", "state_changes": "\(batch.stateChangeCount)",
                    "observations": "\(batch.observationCount)", "sequence": "\(batch.next.sequence)",
                ])
                if batch.isEmpty { break }
            }
            await connection.close()
            return outcome
        } catch {
            await connection.close()
            throw error
        }
    }

    /// Runs `body` for at most `seconds`; cancelling it closes its connection (see `ProvinceConnection`).
    private static func withRoundDeadline<T: Sendable>(_ seconds: Double, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: .milliseconds(Int64(seconds * 1000)))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else {
                throw ProvinceError.timedOut(what: "the whole sync round", seconds: seconds)
            }
            return value
        }
    }
}
