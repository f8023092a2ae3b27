import Foundation
import Synchronization

/// Races a piece of work against a deadline and returns as soon as either ends.
///
/// Not a task group: a group waits for all of its children before it returns, so a body that
/// does not heed cancellation (a connect stuck in TLS or authentication on a half-open link)
/// would hold the caller past its deadline. Here the body runs in a task of its own; when the
/// deadline wins, the caller gets `ProvinceError.timedOut` at once, `onTimeout` is told (it
/// closes the connection, which ends the body's call) and a value the body still produces late
/// goes to `onLateValue` (a late connection is closed there).
public enum Deadline {
    public static func race<T: Sendable>(_ seconds: Double, what: String,
                                  onTimeout: @escaping @Sendable () -> Void = {},
                                  onLateValue: @escaping @Sendable (T) async -> Void = { _ in },
                                  _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let race = Race<T>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                race.arm(continuation)
                let work = Task {
                    do {
                        let value = try await body()
                        if !race.finish(.success(value)) { await onLateValue(value) }
                    } catch {
                        race.finish(.failure(error))
                    }
                }
                let timer = Task {
                    try? await Task.sleep(for: .milliseconds(Int64(max(0, seconds) * 1000)))
                    if race.finish(.failure(ProvinceError.timedOut(what: what, seconds: seconds))) {
                        onTimeout()
                        work.cancel()
                    }
                }
                race.attach(work: work, timer: timer)
            }
        } onCancel: {
            race.finish(.failure(CancellationError()))
            race.cancelWork()
        }
    }

    /// The continuation, resumed once by whichever side ends first; the other side's task is then cancelled.
    private final class Race<T: Sendable>: Sendable {
        private struct State {
            var continuation: CheckedContinuation<T, any Error>?
            var outcome: Result<T, any Error>?
            var tasks: [Task<Void, Never>] = []
        }
        private let state = Mutex(State())

        func arm(_ continuation: CheckedContinuation<T, any Error>) {
            // Cancellation may have come before the continuation existed.
            let early: Result<T, any Error>? = state.withLock { s in
                if let outcome = s.outcome { return outcome }
                s.continuation = continuation
                return nil
            }
            if let early { continuation.resume(with: early) }
        }

        func attach(work: Task<Void, Never>, timer: Task<Void, Never>) {
            let finished = state.withLock { s in
                s.tasks = [work, timer]
                return s.outcome != nil
            }
            if finished { timer.cancel() }
        }

        /// Resumes the caller with `outcome` if nothing did before; says whether this call did.
        @discardableResult
        func finish(_ outcome: Result<T, any Error>) -> Bool {
            let taken: (CheckedContinuation<T, any Error>?, [Task<Void, Never>], Bool) = state.withLock { s in
                guard s.outcome == nil else { return (nil, [], false) }
                s.outcome = outcome
                let continuation = s.continuation
                s.continuation = nil
                return (continuation, s.tasks, true)
            }
            guard taken.2 else { return false }
            taken.0?.resume(with: outcome)
            // The timer has nothing left to do (the work is cancelled by the timer itself or `cancelWork`).
            taken.1.last?.cancel()
            return true
        }

        /// Cancels the work (the caller was cancelled).
        func cancelWork() {
            state.withLock { $0.tasks }.first?.cancel()
        }
    }
}
