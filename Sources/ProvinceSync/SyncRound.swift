import Foundation
import Inventory
import Logging
import ProvinceStore
import Synchronization

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
            // At the round's deadline its connection is closed, so the statement in flight ends now
            // and no batch is acknowledged after the round was given up.
            let open = OpenConnection()
            let outcome = try await Deadline.race(settings.roundDeadline, what: "the whole sync round",
                                                  onTimeout: { open.close() }) {
                try await send(store: store, settings: settings, open: open, logger: logger)
            }
            try store.recordSyncRound(at: Date(), error: nil)
            return outcome
        } catch {
            try? store.recordSyncRound(at: Date(), error: "\(error)")
            throw error
        }
    }

    private static func send(store: InventoryStore, settings: SyncSettings, open: OpenConnection,
                             logger: Logger) async throws -> Outcome {
        let connection = try await ProvinceConnection.connect(settings.url, password: settings.password,
                                                              deadlines: settings.deadlines, logger: logger)
        open.set(connection)
        do {
            var outcome = Outcome()
            var cursor = try store.syncCursor()
            while true {
                try Task.checkCancellation()
                let batch = try store.syncBatch(after: cursor, limit: settings.batchSize, hours: settings.hours)
                // An empty round still says hello: the office row and its last sync.
                if batch.isEmpty && outcome.batches > 0 { break }
                outcome.bytes += try await CommuneUpload.send(batch, office: settings.office, on: connection)
                // The round was given up meanwhile (its deadline): what committed is sent again next round.
                guard !open.isClosed else { throw ProvinceError.timedOut(what: "the whole sync round", seconds: settings.roundDeadline) }
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

    /// The round's connection, once made, for the deadline to close.
    private final class OpenConnection: Sendable {
        private let state = Mutex<(connection: ProvinceConnection?, closed: Bool)>((nil, false))

        func set(_ connection: ProvinceConnection) {
            let closed = state.withLock { s in
                s.connection = connection
                return s.closed
            }
            if closed { connection.closeNow() }
        }

        func close() {
            state.withLock { s in
                s.closed = true
                return s.connection
            }?.closeNow()
        }

        var isClosed: Bool { state.withLock { $0.closed } }
    }
}
