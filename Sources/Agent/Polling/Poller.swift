import Foundation
import Inventory
import Logging
import Probes

/// Probes a batch of devices and turns the results into observations for the store.
public struct Poller: Sendable {
    public let store: InventoryStore
    public let prober: DeviceProber
    public let policy: RecordingPolicy
    let logger: Logger

    public init(store: InventoryStore, prober: DeviceProber, policy: RecordingPolicy, logger: Logger) {
        self.store = store
        self.prober = prober
        self.policy = policy
        self.logger = logger
    }

    /// Probes `entries` and turns the results into observations stamped `time` (default: when probing began).
    public func probe(_ entries: [PollPlan.Entry], at time: Date = Date()) async -> [Observation] {
        let results = await prober.probe(entries.map(\.target))
        return zip(entries, results).map { entry, result in
            Observation(deviceId: entry.device.id!, time: time, up: result.up, answeredBy: result.answeredByText,
                        rttMs: result.rttMs, error: result.failureSummary,
                        facts: result.facts)
        }
    }
}
