import Foundation
import GRDB
import KiemkeCore

extension InventoryStore {
    /// Saves probe results in one transaction: observations, device states, state changes, rollups.
    ///
    /// A device goes down only after `policy.downAfter` consecutive failures inside its schedule,
    /// back-dated to the first of them, and up again after one success. Time between probes is
    /// credited to the hour and day rollups as it is recorded, so reports never rescan history.
    @discardableResult
    public func record(_ observations: [Observation], policy: RecordingPolicy) throws -> RecordSummary {
        try database.write { db in
            try Self.record(observations, policy: policy, in: db)
        }
    }

    static func record(_ observations: [Observation], policy: RecordingPolicy, in db: Database) throws -> RecordSummary {
        var summary = RecordSummary()
        guard !observations.isEmpty else { return summary }
        let ids = Array(Set(observations.map(\.deviceId)))
        let devices = Dictionary(uniqueKeysWithValues: try Device.filter(keys: ids).fetchAll(db).map { ($0.id!, $0) })
        var states = Dictionary(uniqueKeysWithValues: try DeviceState.filter(keys: ids).fetchAll(db).map { ($0.deviceId, $0) })
        let marks = try latestMarks(in: db)
        var ledger = AvailabilityLedger(hours: policy.hours)

        for var observation in observations.sorted(by: { $0.time < $1.time }) {
            guard let device = devices[observation.deviceId] else { continue }
            try observation.insert(db)
            summary.observations += 1
            let follows = policy.hours.follows(device)
            let broken = marks[device.id!]?.condition == .broken
            let t = observation.time
            let inSchedule = !follows || policy.hours.isOpen(at: t)

            guard var state = states[device.id!] else {
                // First probe ever: nothing to credit yet, only a starting state.
                let initial: ProbeState = observation.up ? .up : (!inSchedule ? .off : policy.downAfter <= 1 ? .down : .unknown)
                var state = DeviceState(deviceId: device.id!, state: initial, since: t, lastProbe: t, lastUp: observation.up,
                                        lastAnsweredBy: observation.answeredBy, lastRttMs: observation.rttMs,
                                        lastError: observation.error, failures: 0)
                if !observation.up && inSchedule {
                    state.failures = 1
                    state.firstFailureAt = t
                    state.pendingFrom = t
                }
                var change = StateChange(deviceId: device.id!, time: t, from: nil, to: state.state,
                                         reason: Self.reason(observation, state: state.state))
                try change.insert(db)
                summary.changes.append((device.name, change))
                Self.keepFacts(observation, in: &state)
                try state.insert(db)
                states[device.id!] = state
                summary.count(state.state)
                continue
            }

            // Silence longer than maxGap means the daemon was not running: that time is unknown.
            func clamp(_ from: Date) -> Date {
                t.timeIntervalSince(from) > policy.maxGap(for: device) ? t.addingTimeInterval(-policy.interval(for: device)) : from
            }
            func credit(from: Date, _ category: AvailabilityLedger.Category) {
                let start = clamp(from)
                if start < t {
                    ledger.credit(deviceId: device.id!, from: start, to: t, category, followsSchedule: follows, markedBroken: broken)
                }
            }
            let previous = state.state
            var changedAt: Date? = nil
            if observation.up {
                // A success settles pending failures as noise: the device was up all along.
                credit(from: state.pendingFrom ?? state.lastProbe, .up)
                state.failures = 0
                state.firstFailureAt = nil
                state.pendingFrom = nil
                if previous != .up { state.state = .up; changedAt = t }
            } else if !inSchedule {
                credit(from: state.pendingFrom ?? state.lastProbe, previous == .down ? .down : .up)
                state.failures = 0
                state.firstFailureAt = nil
                state.pendingFrom = nil
                if previous != .off { state.state = .off; changedAt = t }
            } else if previous == .down {
                credit(from: state.lastProbe, .down)
                state.failures += 1
            } else {
                state.failures += 1
                if state.firstFailureAt == nil {
                    state.firstFailureAt = t
                    state.pendingFrom = state.lastProbe
                }
                if state.failures >= policy.downAfter {
                    credit(from: state.pendingFrom ?? state.lastProbe, .down)
                    state.state = .down
                    changedAt = state.firstFailureAt
                    state.pendingFrom = nil
                }
            }
            state.lastProbe = t
            state.lastUp = observation.up
            state.lastAnsweredBy = observation.answeredBy
            state.lastRttMs = observation.rttMs
            state.lastError = observation.error
            Self.keepFacts(observation, in: &state)
            if let changedAt {
                state.since = changedAt
                var change = StateChange(deviceId: device.id!, time: changedAt, from: previous, to: state.state,
                                         reason: Self.reason(observation, state: state.state, failures: state.failures))
                try change.insert(db)
                summary.changes.append((device.name, change))
            }
            try state.update(db)
            states[device.id!] = state
            summary.count(state.state)
        }
        try ledger.flush(into: db)
        return summary
    }

    private static func keepFacts(_ observation: Observation, in state: inout DeviceState) {
        if let facts = observation.facts {
            state.lastFacts = facts
            state.lastFactsAt = observation.time
        }
    }

    private static func reason(_ observation: Observation, state: ProbeState, failures: Int = 1) -> String {
        switch state {
        case .up:
            return "answered " + (observation.answeredBy.isEmpty ? "a probe" : observation.answeredBy)
        case .down:
            let why = observation.error.map { " (\($0))" } ?? ""
            return "no answer to \(failures) probe\(failures == 1 ? "" : "s") in a row\(why)"
        case .off:
            return "silent outside office hours"
        case .unknown:
            let why = observation.error.map { " (\($0))" } ?? ""
            return "no answer to its first probe\(why)"
        }
    }
}

extension RecordSummary {
    mutating func count(_ state: ProbeState) {
        switch state {
        case .up: up += 1
        case .down: down += 1
        case .off: off += 1
        case .unknown: break
        }
    }
}
