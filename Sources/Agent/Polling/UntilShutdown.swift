import ServiceLifecycle
import Synchronization

/// Awaits a task unless the service is asked to stop first.
///
/// A device read that never ends (an endless SNMP walk, a probe ignoring cancellation) must not
/// hold up the daemon's exit: on graceful shutdown or cancellation the task is cancelled and
/// left behind, and the caller goes on at once to write what it holds.
enum UntilShutdown {
    /// The task's value, or nil when a graceful shutdown or cancellation came first.
    static func value<T: Sendable>(of task: Task<T, Never>) async -> T? {
        let race = Race<T>()
        Task { race.finish(await task.value) }
        return await withGracefulShutdownHandler {
            await withTaskCancellationHandler {
                await race.wait()
            } onCancel: {
                task.cancel()
                race.finish(nil)
            }
        } onGracefulShutdown: {
            task.cancel()
            race.finish(nil)
        }
    }

    /// The first of the task's value and a stop, whichever comes first; the later one is ignored.
    private final class Race<T: Sendable>: Sendable {
        private enum State {
            case pending
            case waiting(CheckedContinuation<T?, Never>)
            case finished(T?)
            case consumed
        }

        private let state = Mutex<State>(.pending)

        func wait() async -> T? {
            await withCheckedContinuation { continuation in
                let ready: T?? = state.withLock { state in
                    switch state {
                    case .finished(let value):
                        state = .consumed
                        return .some(value)
                    case .pending:
                        state = .waiting(continuation)
                        return .none
                    case .waiting, .consumed:
                        // One waiter per race; a second would never be resumed, so answer it now.
                        return .some(nil)
                    }
                }
                if let ready { continuation.resume(returning: ready) }
            }
        }

        func finish(_ value: T?) {
            let waiter: CheckedContinuation<T?, Never>? = state.withLock { state in
                switch state {
                case .pending:
                    state = .finished(value)
                    return nil
                case .waiting(let continuation):
                    state = .consumed
                    return continuation
                case .finished, .consumed:
                    return nil
                }
            }
            waiter?.resume(returning: value)
        }
    }
}
