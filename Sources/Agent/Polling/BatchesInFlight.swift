import Inventory
import Synchronization

/// The batches being probed at the same time, so that a slow device holds up only its own batch.
///
/// A device read may take up to `probe.read_deadline` (an agent answering each request after
/// 0.9 s with a table that never ends takes all of it). Had the daemon waited for each batch
/// before starting the next, every device due meanwhile would wait too. The polling loop
/// instead starts each batch as its own task, never two for one device, and collects what the
/// finished ones found on each turn; a stop cancels the rest, whose devices then have no result
/// (nothing held is lost).
final class BatchesInFlight: Sendable {
    private struct State {
        var devices: Set<Int64> = []
        var finished: [[Observation]] = []
        var tasks: [Int: Task<Void, Never>] = [:]
        var nextKey = 0
        /// Probing time of the finished batches not yet collected.
        var probing: Duration = .zero
    }

    private let state = Mutex(State())

    /// How many batches are being probed.
    var count: Int { state.withLock { $0.tasks.count } }

    /// The devices in the batches being probed.
    var devices: Set<Int64> { state.withLock { $0.devices } }

    /// Whether `id` is in a batch being probed.
    func contains(_ id: Int64) -> Bool { state.withLock { $0.devices.contains(id) } }

    /// Starts probing `devices` with `probe`; its results are collected by `takeFinished`.
    func start(_ devices: [Int64], _ probe: @escaping @Sendable () async -> [Observation]) {
        state.withLock { state in
            let key = state.nextKey
            state.nextKey += 1
            state.devices.formUnion(devices)
            // The task takes the lock only after this closure has stored it: a task finishing at once
            // still finds its own entry to remove.
            state.tasks[key] = Task { [weak self] in
                let started = ContinuousClock.now
                let observations = await probe()
                let elapsed = ContinuousClock.now - started
                self?.state.withLock { state in
                    guard state.tasks.removeValue(forKey: key) != nil else { return }  // cancelled by a stop
                    state.devices.subtract(devices)
                    state.finished.append(observations)
                    state.probing += elapsed
                }
            }
        }
    }

    /// The results of the batches finished since the last call, oldest first, and their probing time.
    func takeFinished() -> (observations: [Observation], probing: Duration, batches: Int) {
        state.withLock { state in
            defer { state.finished = []; state.probing = .zero }
            return (state.finished.flatMap { $0 }, state.probing, state.finished.count)
        }
    }

    /// Cancels every batch still being probed and forgets it: what it would have found is dropped.
    func cancelAll() {
        let tasks = state.withLock { state in
            defer { state.tasks = [:]; state.devices = [] }
            return Array(state.tasks.values)
        }
        for task in tasks { task.cancel() }
    }
}
