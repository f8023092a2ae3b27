import Inventory
import Synchronization

/// The batches being probed at the same time, in two lanes, so that a slow read holds up only its own batch.
///
/// A device read may take up to `probe.read_deadline` (an agent answering each request after
/// 0.9 s with a table that never ends takes all of it). Had the daemon waited for each batch
/// before starting the next, every device due meanwhile would wait too. So the quick liveness
/// checks and the full reads run in lanes of their own, each batch as its own task, never two
/// for one device; the polling loop collects what the finished ones found on each turn, and a
/// stop cancels the rest, whose devices then have no result (nothing held is lost).
///
/// Each lane holds a bounded number of batches, and devices that fall due while their lane is
/// full wait for the next batch of that lane, which then takes them all. Starting a batch every
/// turn instead (one per second at 1,000 devices) made the batches' ICMP sweeps, which take turns
/// on one socket and each wait out its silent devices' timeouts, queue behind one another: the
/// daemon fell minutes behind (`bench/run daemon`: 781 observations in 300 s instead of ~5,000).
final class BatchesInFlight: Sendable {
    /// Which kind of batch: the liveness checks (and confirmations), or the full reads.
    enum Lane: Sendable, Hashable {
        case checks
        case reads
    }

    /// A batch being probed.
    private struct Running {
        var lane: Lane
        var task: Task<Void, Never>
    }

    private struct State {
        var devices: Set<Int64> = []
        var finished: [[Observation]] = []
        var running: [Int: Running] = [:]
        var nextKey = 0
        /// Probing time of the finished batches not yet collected.
        var probing: Duration = .zero
        /// The loop's nap, ended early when a batch finishes.
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())

    /// How many batches are being probed.
    var count: Int { state.withLock { $0.running.count } }

    /// How many batches of `lane` are being probed.
    func count(in lane: Lane) -> Int { state.withLock { state in state.running.values.count { $0.lane == lane } } }

    /// Whether `id` is in a batch being probed.
    func contains(_ id: Int64) -> Bool { state.withLock { $0.devices.contains(id) } }

    /// Starts probing `devices` with `probe` in `lane`; its results are collected by `takeFinished`.
    func start(_ devices: [Int64], in lane: Lane, _ probe: @escaping @Sendable () async -> [Observation]) {
        state.withLock { state in
            let key = state.nextKey
            state.nextKey += 1
            state.devices.formUnion(devices)
            // The task takes the lock only after this closure has stored it: a task finishing at once
            // still finds its own entry to remove.
            state.running[key] = Running(lane: lane, task: Task { [weak self] in
                let started = ContinuousClock.now
                let observations = await probe()
                let elapsed = ContinuousClock.now - started
                let waiter = self?.state.withLock { state -> CheckedContinuation<Void, Never>? in
                    guard state.running.removeValue(forKey: key) != nil else { return nil }  // cancelled by a stop
                    state.devices.subtract(devices)
                    state.finished.append(observations)
                    state.probing += elapsed
                    defer { state.waiter = nil }
                    return state.waiter
                }
                waiter?.resume()
            })
        }
    }

    /// The results of the batches finished since the last call, oldest first, and their probing time.
    func takeFinished() -> (observations: [Observation], probing: Duration, batches: Int) {
        state.withLock { state in
            defer { state.finished = []; state.probing = .zero }
            return (state.finished.flatMap { $0 }, state.probing, state.finished.count)
        }
    }

    /// Sleeps for `duration`, or until a batch finishes if one does sooner (then its results are
    /// written at once rather than at the next tick).
    func nap(_ duration: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await Task.sleep(for: duration) }
            group.addTask { await self.nextFinish() }
            await group.next()
            group.cancelAll()
        }
    }

    /// Returns when a batch finishes, at once if one finished and was not collected yet, or on cancellation.
    private func nextFinish() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if !state.finished.isEmpty || Task.isCancelled { return true }
                    state.waiter?.resume()  // one nap at a time; an older waiter is let go
                    state.waiter = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume()
        }
    }

    /// Cancels every batch still being probed and forgets it: what it would have found is dropped.
    func cancelAll() {
        let tasks = state.withLock { state in
            defer { state.running = [:]; state.devices = [] }
            return state.running.values.map(\.task)
        }
        for task in tasks { task.cancel() }
    }
}
