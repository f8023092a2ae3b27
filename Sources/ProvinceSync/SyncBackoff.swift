import Foundation

/// How long to wait after failed rounds: `first`, doubling each failure, at most `maximum`; and
/// whether a failure is news (the first, or a different reason) worth a log line.
public struct SyncBackoff: Sendable, Equatable {
    public let first: Duration
    public let maximum: Duration
    public private(set) var failures = 0
    private var lastReason: String?

    public init(first: Duration, maximum: Duration) {
        self.first = first
        self.maximum = maximum
    }

    /// The wait before the next try.
    public var delay: Duration {
        guard failures > 0 else { return .zero }
        var delay = first
        for _ in 1..<min(failures, 32) where delay < maximum { delay *= 2 }
        return min(delay, maximum)
    }

    /// Notes a failure; returns whether it should be logged (the state changed).
    public mutating func failed(reason: String) -> Bool {
        failures += 1
        defer { lastReason = reason }
        return failures == 1
    }

    public mutating func succeeded() {
        failures = 0
        lastReason = nil
    }
}
