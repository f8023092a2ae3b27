import Foundation
import Synchronization

/// How long a connection waits for another process's write lock before giving up with
/// "database is locked": SQLite's busy handler, with a limit that can be lowered while the
/// store is open (the daemon lowers it when it is asked to stop, so a long wait cannot hold
/// up its exit).
final class LockWait: Sendable {
    /// Milliseconds between tries: short enough that a released lock is taken almost at once.
    static let step = 10
    private let limit: Atomic<Int>

    init(seconds: TimeInterval) {
        limit = Atomic(Self.milliseconds(seconds))
    }

    /// Sets the longest wait from now on, including a wait in progress.
    func set(seconds: TimeInterval) {
        limit.store(Self.milliseconds(seconds), ordering: .relaxed)
    }

    /// SQLite's busy callback: `tries` earlier tries failed for this lock; sleeps and says to
    /// try again while the waited time is under the limit.
    func retry(after tries: Int) -> Bool {
        guard tries.multipliedReportingOverflow(by: Self.step).partialValue < limit.load(ordering: .relaxed) else { return false }
        usleep(useconds_t(Self.step * 1000))
        return true
    }

    private static func milliseconds(_ seconds: TimeInterval) -> Int {
        guard seconds.isFinite, seconds > 0 else { return 0 }
        return Int(min(seconds, 86_400) * 1000)
    }
}
