import Foundation
import Inventory
import KiemkeCore
import Logging
import Probes

/// Probes a batch of devices and turns the results into observations for the store.
///
/// Each device gets the cheap liveness check (`DeviceProber.liveness`), and the full SNMP read only
/// when its facts are due on their own clock (`facts_interval`) or something happened: it came back
/// up, rebooted, or its printer reports an error. A device that fails is re-probed after
/// `confirmAfter` rather than a whole interval later (`PollMemory` holds the queue).
public struct Poller: Sendable {
    public let store: InventoryStore
    public let prober: DeviceProber
    public let policy: RecordingPolicy
    /// What the poller remembers across cycles; shared by the pollers a daemon makes on config reloads.
    public let memory: PollMemory
    /// How soon a device whose probe failed is probed again.
    public let confirmAfter: TimeInterval
    let logger: Logger

    /// When facts are read.
    public enum FactsReading: Sendable {
        /// On their own clock and when something happened (the daemon).
        case whenDue
        /// For every device (`probe --all`, `daemon --once`).
        case always
    }

    public init(store: InventoryStore, prober: DeviceProber, policy: RecordingPolicy, logger: Logger,
                memory: PollMemory = PollMemory(), confirmAfter: TimeInterval = 15) {
        self.store = store
        self.prober = prober
        self.policy = policy
        self.logger = logger
        self.memory = memory
        self.confirmAfter = confirmAfter
    }

    /// Probes `entries`, and the confirmations due by `time` unless `confirming` is false, and turns the
    /// results into observations stamped `time` (default: when probing began).
    public func probe(_ entries: [PollPlan.Entry], at time: Date = Date(), facts reading: FactsReading = .whenDue,
                      confirming takesConfirmations: Bool = true) async -> [Observation] {
        let entries = entries.filter { $0.device.id != nil }
        let confirming = takesConfirmations ? memory.takeConfirmations(dueBy: time, probing: Set(entries.compactMap(\.device.id))) : []
        let all = entries + confirming
        guard !all.isEmpty else { return [] }
        seedMemory(all.compactMap(\.device.id))

        var readIndexes: [Int] = []
        var liveIndexes: [Int] = []
        var triggers: [Int: FactsTrigger] = [:]
        for (index, entry) in all.enumerated() {
            let trigger = reading == .always ? .requested
                : memory.memory(of: entry.device.id!).factsDue(at: time, interval: entry.factsInterval)
            if let trigger {
                triggers[index] = trigger
                readIndexes.append(index)
            } else {
                liveIndexes.append(index)
            }
        }
        let downAfter = policy.downAfter
        let requests = liveIndexes.map { all[$0] }.map { memory.memory(of: $0.device.id!).request(for: $0.target, downAfter: downAfter) }
        let readTargets = readIndexes.map { all[$0].target }
        async let reads = prober.probe(readTargets)
        async let checks = prober.liveness(requests)
        var results = [DeviceProbeResult?](repeating: nil, count: all.count)
        for (index, result) in zip(readIndexes, await reads) {
            memory.update(all[index].device.id!) { $0.observe(read: result, at: time) }
            results[index] = result
        }
        // Something happened to a device that answered: its facts are read at once, not at the next hour.
        var urgent: [Int] = []
        for (index, result) in zip(liveIndexes, await checks) {
            results[index] = result
            if let trigger = memory.update(all[index].device.id!, { $0.observe(liveness: result, at: time, downAfter: downAfter) }) {
                triggers[index] = trigger
                urgent.append(index)
            }
        }
        if !urgent.isEmpty {
            for (index, read) in zip(urgent, await prober.probe(urgent.map { all[$0].target })) {
                memory.update(all[index].device.id!) { $0.observe(read: read, at: time) }
                // The liveness check already said it is up; a read that then fails keeps that answer.
                if read.up { results[index] = read }
            }
        }
        for (index, trigger) in triggers.sorted(by: { $0.key < $1.key }) where trigger != .due && trigger != .never {
            logger.debug("facts read", metadata: ["device": "\(all[index].device.name)", "why": "\(trigger.rawValue)"])
        }
        scheduleConfirmations(all, results, at: time)
        logger.trace("probed", metadata: ["devices": "\(all.count)", "confirmations": "\(confirming.count)",
                                          "reads": "\(readIndexes.count + urgent.count)"])
        return zip(all, results).compactMap { entry, result in
            guard let result, let id = entry.device.id else { return nil }
            return Observation(deviceId: id, time: time, up: result.up, answeredBy: result.answeredByText,
                               rttMs: result.rttMs, error: result.failureSummary, facts: result.facts)
        }
    }

    /// Splits `entries` into those whose full read is due at `time` (it may take up to the read
    /// deadline) and those only checked, so that the daemon probes the first one by one and a
    /// slow device's read holds up no other device.
    public func splitByRead(_ entries: [PollPlan.Entry], at time: Date) -> (reads: [PollPlan.Entry], checks: [PollPlan.Entry]) {
        let entries = entries.filter { $0.device.id != nil }
        seedMemory(entries.compactMap(\.device.id))
        var reads: [PollPlan.Entry] = [], checks: [PollPlan.Entry] = []
        for entry in entries {
            if memory.memory(of: entry.device.id!).factsDue(at: time, interval: entry.factsInterval) != nil {
                reads.append(entry)
            } else {
                checks.append(entry)
            }
        }
        return (reads, checks)
    }

    /// Whether confirmation re-probes are waiting for `time`: the daemon probes then even with no device due.
    public func hasConfirmations(dueBy time: Date) -> Bool { memory.hasConfirmations(dueBy: time) }

    /// Queues a re-probe after `confirmAfter` for each device that failed and does not yet count as down,
    /// while it is expected to answer (a computer silent after office hours is off, not in doubt).
    private func scheduleConfirmations(_ entries: [PollPlan.Entry], _ results: [DeviceProbeResult?], at time: Date) {
        for (entry, result) in zip(entries, results) {
            guard let result, !result.up, let id = entry.device.id, confirmAfter < entry.interval else { continue }
            if policy.hours.follows(entry.device) && !policy.hours.isOpen(at: time) { continue }
            guard !memory.memory(of: id).isAway(downAfter: policy.downAfter) else { continue }
            memory.confirm(entry, at: time.addingTimeInterval(confirmAfter))
        }
    }

    /// Reads from the store what is known of devices this poller's memory has not seen yet.
    private func seedMemory(_ ids: [Int64]) {
        let unknown = memory.unknown(ids)
        guard !unknown.isEmpty else { return }
        var seeded: [Int64: DeviceMemory] = [:]
        do {
            let states = try store.probeStates(ids: unknown)
            for id in unknown { seeded[id] = DeviceMemory(state: states[id], downAfter: policy.downAfter) }
        } catch {
            // Without it every device is probed in full once, as on a first start.
            logger.debug("probe states unreadable", metadata: ["error": "\(error)"])
            for id in unknown { seeded[id] = DeviceMemory() }
        }
        memory.seed(seeded)
    }
}
