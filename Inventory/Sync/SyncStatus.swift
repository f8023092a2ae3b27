import Foundation

/// What `kiemke sync --status` says: what is waiting to be sent, and how the last rounds went.
public struct SyncStatus: Sendable, Equatable {
    /// What the province has acknowledged.
    public var cursor: SyncCursor
    /// Change-log entries not yet acknowledged.
    public var pendingChanges: Int
    /// State changes not yet acknowledged.
    public var pendingStateChanges: Int
    /// Observations whose day summary is not yet acknowledged.
    public var pendingObservations: Int
    /// When a round last ended with everything acknowledged.
    public var lastSuccess: Date?
    /// When a round last ended, either way.
    public var lastAttempt: Date?
    /// Why the last round failed; nil when it succeeded.
    public var lastError: String?

    /// Whether nothing is waiting.
    public var isCaughtUp: Bool { pendingChanges == 0 && pendingStateChanges == 0 && pendingObservations == 0 }
}
