import Foundation
import Inventory
import Testing
import KiemkeCore

/// Times as seconds after a fixed moment, so rows read as a timeline.
private let t0 = Date(timeIntervalSince1970: 1_764_468_000)

private func at(_ seconds: Double) -> Date { t0 + seconds }

private func machine(_ state: ProbeState, since: Double, last: Double, failures: Int = 0, first: Double? = nil,
                     pending: Double? = nil) -> ProbeStateMachine {
    ProbeStateMachine(state: state, since: at(since), lastProbe: at(last), failures: failures,
                      firstFailureAt: first.map(at), pendingFrom: pending.map(at))
}

private func credit(_ from: Double, _ to: Double, _ category: ProbeStateMachine.Credit) -> ProbeStateMachine.Effect {
    .credited(DateInterval(start: at(from), end: at(to)), category)
}

private func change(_ from: ProbeState?, _ to: ProbeState, at time: Double, failures: Int) -> ProbeStateMachine.Effect {
    .changed(from: from, to: to, at: at(time), failures: failures)
}

/// One step: the state before, one probe result, the policy; the state after and what to record.
struct StateMachineRow: Sendable, CustomTestStringConvertible {
    var name: String
    var previous: ProbeStateMachine?
    /// Seconds after t0.
    var time: Double
    var up: Bool
    var inSchedule: Bool = true
    var downAfter: Int = 2
    var expected: ProbeStateMachine
    var effects: [ProbeStateMachine.Effect]

    var testDescription: String { name }
}

@Suite("Probe state machine: up, down and off from probe results, without a database")
struct ProbeStateMachineTests {
    /// interval 60 s; maxGap 300 s (three intervals and two minutes for these rows: 60 * 3 + 120).
    static func rules(downAfter: Int) -> ProbeStateMachine.Rules {
        ProbeStateMachine.Rules(downAfter: downAfter, interval: 60, maxGap: 300)
    }

    static let rows: [StateMachineRow] = [
        // First probe ever: a starting state, nothing credited.
        StateMachineRow(name: "first probe answered: up", previous: nil, time: 0, up: true,
                        expected: machine(.up, since: 0, last: 0), effects: [change(nil, .up, at: 0, failures: 0)]),
        StateMachineRow(name: "first probe silent in schedule: unknown, one failure pending", previous: nil, time: 0, up: false,
                        expected: machine(.unknown, since: 0, last: 0, failures: 1, first: 0, pending: 0),
                        effects: [change(nil, .unknown, at: 0, failures: 1)]),
        StateMachineRow(name: "first probe silent with down_after 1: down at once", previous: nil, time: 0, up: false, downAfter: 1,
                        expected: machine(.down, since: 0, last: 0, failures: 1, first: 0, pending: 0),
                        effects: [change(nil, .down, at: 0, failures: 1)]),
        StateMachineRow(name: "first probe silent out of schedule: off", previous: nil, time: 0, up: false, inSchedule: false,
                        expected: machine(.off, since: 0, last: 0), effects: [change(nil, .off, at: 0, failures: 0)]),
        // Up and answering.
        StateMachineRow(name: "up, answers: the interval is up", previous: machine(.up, since: 0, last: 0), time: 60, up: true,
                        expected: machine(.up, since: 0, last: 60), effects: [credit(0, 60, .up)]),
        StateMachineRow(name: "up, first failure: pending, nothing credited", previous: machine(.up, since: 0, last: 60),
                        time: 120, up: false,
                        expected: machine(.up, since: 0, last: 120, failures: 1, first: 120, pending: 60), effects: []),
        StateMachineRow(name: "up, failure short of down_after 3: still pending",
                        previous: machine(.up, since: 0, last: 120, failures: 1, first: 120, pending: 60),
                        time: 180, up: false, downAfter: 3,
                        expected: machine(.up, since: 0, last: 180, failures: 2, first: 120, pending: 60), effects: []),
        StateMachineRow(name: "up, second failure: down back-dated to the first, pending time is down",
                        previous: machine(.up, since: 0, last: 120, failures: 1, first: 120, pending: 60),
                        time: 180, up: false,
                        expected: machine(.down, since: 120, last: 180, failures: 2, first: 120),
                        effects: [credit(60, 180, .down), change(.up, .down, at: 120, failures: 2)]),
        StateMachineRow(name: "pending failure then an answer: noise, the pending time is up",
                        previous: machine(.up, since: 0, last: 120, failures: 1, first: 120, pending: 60),
                        time: 180, up: true,
                        expected: machine(.up, since: 0, last: 180), effects: [credit(60, 180, .up)]),
        // Down.
        StateMachineRow(name: "down, still silent: the interval is down",
                        previous: machine(.down, since: 120, last: 180, failures: 2, first: 120), time: 240, up: false,
                        expected: machine(.down, since: 120, last: 240, failures: 3, first: 120),
                        effects: [credit(180, 240, .down)]),
        StateMachineRow(name: "down, answers: up again after one answer",
                        previous: machine(.down, since: 120, last: 240, failures: 3, first: 120), time: 300, up: true,
                        expected: machine(.up, since: 300, last: 300),
                        effects: [credit(240, 300, .up), change(.down, .up, at: 300, failures: 0)]),
        StateMachineRow(name: "unknown from the start, answers: the pending time is up",
                        previous: machine(.unknown, since: 0, last: 0, failures: 1, first: 0, pending: 0), time: 60, up: true,
                        expected: machine(.up, since: 60, last: 60),
                        effects: [credit(0, 60, .up), change(.unknown, .up, at: 60, failures: 0)]),
        // Office hours.
        StateMachineRow(name: "up, silent out of schedule: off", previous: machine(.up, since: 0, last: 60),
                        time: 120, up: false, inSchedule: false,
                        expected: machine(.off, since: 120, last: 120),
                        effects: [credit(60, 120, .up), change(.up, .off, at: 120, failures: 0)]),
        StateMachineRow(name: "down, silent out of schedule: off, the interval still down",
                        previous: machine(.down, since: 0, last: 60, failures: 3, first: 0),
                        time: 120, up: false, inSchedule: false,
                        expected: machine(.off, since: 120, last: 120),
                        effects: [credit(60, 120, .down), change(.down, .off, at: 120, failures: 0)]),
        StateMachineRow(name: "off, still silent out of schedule: no change, credited as up (the ledger makes it off)",
                        previous: machine(.off, since: 0, last: 60), time: 120, up: false, inSchedule: false,
                        expected: machine(.off, since: 0, last: 120), effects: [credit(60, 120, .up)]),
        StateMachineRow(name: "pending failure, then out of schedule: off, the pending time settled as up",
                        previous: machine(.up, since: 0, last: 120, failures: 1, first: 120, pending: 60),
                        time: 180, up: false, inSchedule: false,
                        expected: machine(.off, since: 180, last: 180),
                        effects: [credit(60, 180, .up), change(.up, .off, at: 180, failures: 0)]),
        StateMachineRow(name: "off, silent when the office opens: a failure pending, still off",
                        previous: machine(.off, since: 0, last: 60), time: 120, up: false,
                        expected: machine(.off, since: 0, last: 120, failures: 1, first: 120, pending: 60), effects: []),
        // Confirmation re-probes (issue 14): a failure is probed again 15 s later, not a whole interval later.
        StateMachineRow(name: "confirmation 15 s after the first failure fails: down back-dated to the first",
                        previous: machine(.up, since: 0, last: 120, failures: 1, first: 120, pending: 60),
                        time: 135, up: false,
                        expected: machine(.down, since: 120, last: 135, failures: 2, first: 120),
                        effects: [credit(60, 135, .down), change(.up, .down, at: 120, failures: 2)]),
        StateMachineRow(name: "confirmation 15 s after the first failure answers: never down, the time is up",
                        previous: machine(.up, since: 0, last: 120, failures: 1, first: 120, pending: 60),
                        time: 135, up: true,
                        expected: machine(.up, since: 0, last: 135), effects: [credit(60, 135, .up)]),
        StateMachineRow(name: "the regular probe 45 s after a confirmation: a normal gap, credited whole",
                        previous: machine(.down, since: 120, last: 135, failures: 2, first: 120), time: 180, up: false,
                        expected: machine(.down, since: 120, last: 180, failures: 3, first: 120),
                        effects: [credit(135, 180, .down)]),
        // The daemon was not running.
        StateMachineRow(name: "an answer after an hour's gap: only one interval is credited",
                        previous: machine(.up, since: 0, last: 0), time: 3600, up: true,
                        expected: machine(.up, since: 0, last: 3600), effects: [credit(3540, 3600, .up)]),
        StateMachineRow(name: "down after a gap: back-dated, but only one interval credited",
                        previous: machine(.up, since: 0, last: 60, failures: 1, first: 60, pending: 0), time: 3600, up: false,
                        expected: machine(.down, since: 60, last: 3600, failures: 2, first: 60),
                        effects: [credit(3540, 3600, .down), change(.up, .down, at: 60, failures: 2)]),
        StateMachineRow(name: "a gap just within maxGap is credited whole",
                        previous: machine(.up, since: 0, last: 0), time: 300, up: true,
                        expected: machine(.up, since: 0, last: 300), effects: [credit(0, 300, .up)]),
    ]

    @Test("one step", arguments: rows)
    func step(_ row: StateMachineRow) {
        let reading = ProbeStateMachine.Reading(time: at(row.time), up: row.up, inSchedule: row.inSchedule)
        let (next, effects) = ProbeStateMachine.next(row.previous, after: reading, rules: Self.rules(downAfter: row.downAfter))
        #expect(next == row.expected)
        #expect(effects == row.effects)
    }

    @Test("a run of probes: noise, an outage back-dated to its first failure, and recovery")
    func run() {
        let rules = Self.rules(downAfter: 2)
        var current: ProbeStateMachine? = nil
        var changes: [ProbeStateMachine.Effect] = []
        var up: Double = 0, down: Double = 0
        for (i, answered) in [true, true, false, true, false, false, false, true].enumerated() {
            let reading = ProbeStateMachine.Reading(time: at(Double(i) * 60), up: answered, inSchedule: true)
            let (next, effects) = ProbeStateMachine.next(current, after: reading, rules: rules)
            current = next
            for effect in effects {
                switch effect {
                case .changed: changes.append(effect)
                case .credited(let span, .up): up += span.duration
                case .credited(let span, .down): down += span.duration
                }
            }
        }
        #expect(changes == [change(nil, .up, at: 0, failures: 0), change(.up, .down, at: 240, failures: 2),
                            change(.down, .up, at: 420, failures: 0)])
        #expect(up == 180 + 60, "0-180 s, then the interval ending with the answer at 420 s")
        #expect(down == 180)
        #expect(current?.state == .up)
    }

    @Test("confirmation re-probes between regular probes: every second is credited once, the outage back-dated")
    func confirmations() {
        let rules = Self.rules(downAfter: 2)
        var current: ProbeStateMachine? = nil
        var changes: [ProbeStateMachine.Effect] = []
        var up: Double = 0, down: Double = 0
        // Regular probes every 60 s; after each failure that is not yet down, one 15 s later.
        let timeline: [(Double, Bool)] = [(0, true), (60, true), (120, false), (135, true), (180, true),
                                          (240, false), (255, false), (300, false), (360, true), (420, true)]
        for (time, answered) in timeline {
            let (next, effects) = ProbeStateMachine.next(current, after: .init(time: at(time), up: answered, inSchedule: true),
                                                         rules: rules)
            current = next
            for effect in effects {
                switch effect {
                case .changed: changes.append(effect)
                case .credited(let span, .up): up += span.duration
                case .credited(let span, .down): down += span.duration
                }
            }
        }
        #expect(changes == [change(nil, .up, at: 0, failures: 0), change(.up, .down, at: 240, failures: 2),
                            change(.down, .up, at: 360, failures: 0)], "the flap at 120 s is never a down")
        #expect(up + down == 420, "no second lost or counted twice")
        #expect(down == 300 - 180, "from the last answer (180 s) to the last silence (300 s)")
    }
}
