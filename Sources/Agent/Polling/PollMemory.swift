import Foundation
import Inventory
import Synchronization

/// The poller's memory across cycles and config reloads: each device's `DeviceMemory` and the
/// confirmation re-probes waiting for their time.
public final class PollMemory: Sendable {
    private let devices = Mutex<[Int64: DeviceMemory]>([:])
    private let confirmations = Mutex<[Int64: (entry: PollPlan.Entry, at: Date)]>([:])

    public init() {}

    /// The ids of `ids` the memory has never seen.
    func unknown(_ ids: [Int64]) -> [Int64] {
        devices.withLock { known in ids.filter { known[$0] == nil } }
    }

    /// Adds what the store knew of devices seen for the first time (existing entries win).
    func seed(_ seeded: [Int64: DeviceMemory]) {
        devices.withLock { known in known.merge(seeded) { current, _ in current } }
    }

    /// One device's memory (a fresh one if unseen).
    func memory(of id: Int64) -> DeviceMemory {
        devices.withLock { $0[id] ?? DeviceMemory() }
    }

    /// Changes one device's memory and returns what `body` returns.
    func update<T>(_ id: Int64, _ body: (inout DeviceMemory) -> T) -> T {
        devices.withLock { known in body(&known[id, default: DeviceMemory()]) }
    }

    /// Asks for `entry` to be probed again at `time` (an earlier request for the same device is replaced).
    func confirm(_ entry: PollPlan.Entry, at time: Date) {
        guard let id = entry.device.id else { return }
        confirmations.withLock { $0[id] = (entry, time) }
    }

    /// Whether a confirmation is due at `time`.
    public func hasConfirmations(dueBy time: Date) -> Bool {
        confirmations.withLock { $0.values.contains { $0.at <= time } }
    }

    /// Removes and returns the confirmations due at `time`; those of `probing` are dropped (probed anyway).
    func takeConfirmations(dueBy time: Date, probing: Set<Int64>) -> [PollPlan.Entry] {
        confirmations.withLock { queue in
            for id in probing { queue[id] = nil }
            let due = queue.filter { $0.value.at <= time }
            for id in due.keys { queue[id] = nil }
            return due.values.sorted { $0.at < $1.at }.map(\.entry)
        }
    }
}
