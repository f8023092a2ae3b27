import Foundation
import GRDB
import KiemkeCore

extension InventoryStore {
    /// Saves probe results in one transaction: observations, device states, state changes, rollups.
    ///
    /// The up/down/off rules are `ProbeStateMachine`'s: this loads each device's state, applies
    /// the observations in time order, and writes the states, changes and credited time it gets
    /// back, so reports never rescan history.
    ///
    /// `skippingRecorded` leaves out observations already in the store (same device, same
    /// time): for results read back from a spill file, which a stop cut short may have left
    /// after they were written. With `generation` (see `InventoryStore.generation`), the device
    /// ids are those of that generation's file, and nothing is written into another.
    @discardableResult
    public func record(_ observations: [Observation], policy: RecordingPolicy, skippingRecorded: Bool = false,
                       generation: Int? = nil) throws -> RecordSummary {
        try write(generation: generation) { writer in
            let fresh = skippingRecorded ? try Self.unrecorded(observations, in: writer.db) : observations
            return try Self.record(fresh, policy: policy, with: &writer)
        }
    }

    static func unrecorded(_ observations: [Observation], in db: Database) throws -> [Observation] {
        let statement = try db.cachedStatement(sql: "SELECT 1 FROM observation WHERE deviceId = ? AND time = ? LIMIT 1")
        return try observations.filter { observation in
            try Int.fetchOne(statement, arguments: [observation.deviceId, observation.time]) == nil
        }
    }

    static func record(_ observations: [Observation], policy: RecordingPolicy, with writer: inout ChangeWriter) throws -> RecordSummary {
        var summary = RecordSummary()
        guard !observations.isEmpty else { return summary }
        let db = writer.db
        let ids = Array(Set(observations.map(\.deviceId)))
        let devices = Dictionary(uniqueKeysWithValues: try Device.filter(keys: ids).fetchAll(db).map { ($0.id!, $0) })
        var batch = ProbeBatch()
        // Most probes are liveness checks that bring no facts: the states are read and written without
        // their facts (kilobytes of JSON a device), which stay as they are unless new facts arrive.
        for state in try DeviceState.select(DeviceState.columnsWithoutFacts.map { Column($0) }).filter(keys: ids).fetchAll(db) {
            batch.states[state.deviceId] = (state, false)
            batch.withoutFacts.insert(state.deviceId)
        }
        let broken = try markedBroken(ids, in: db)
        var ledger = AvailabilityLedger(hours: policy.hours)

        for observation in observations.sorted(by: { $0.time < $1.time }) {
            guard let device = devices[observation.deviceId], let id = device.id else { continue }
            batch.observations.append(observation)
            summary.observations += 1
            let follows = policy.hours.follows(device)
            let reading = ProbeStateMachine.Reading(time: observation.time, up: observation.up,
                                                    inSchedule: !follows || policy.hours.isOpen(at: observation.time))
            let previous = batch.states[id]
            let (machine, effects) = ProbeStateMachine.next(previous?.state.machine, after: reading, rules: policy.rules(for: device))
            var state = previous?.state ?? DeviceState(deviceId: id, state: machine.state, since: machine.since,
                                                       lastProbe: machine.lastProbe, lastUp: observation.up)
            state.machine = machine
            state.lastUp = observation.up
            state.lastAnsweredBy = observation.answeredBy
            state.lastRttMs = observation.rttMs
            state.lastError = observation.error
            if let facts = observation.facts {
                state.lastFacts = facts
                state.lastFactsAt = observation.time
                batch.withoutFacts.remove(id)
            }
            for effect in effects {
                switch effect {
                case .credited(let span, let category):
                    ledger.credit(deviceId: id, from: span.start, to: span.end, category, followsSchedule: follows,
                                  markedBroken: broken.contains(id))
                case .changed(let from, let to, let at, let failures):
                    let change = StateChange(deviceId: id, time: at, from: from, to: to,
                                             reason: Self.reason(observation, state: to, failures: failures))
                    batch.changes.append((device.name, change))
                }
            }
            batch.states[id] = (state, previous?.isNew ?? true)
            summary.count(state.state)
        }
        try writer.record(&batch, devices: devices)
        try writer.credit(ledger, devices: devices)
        summary.changes = batch.changes
        return summary
    }

    private static func reason(_ observation: Observation, state: ProbeState, failures: Int) -> String {
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
