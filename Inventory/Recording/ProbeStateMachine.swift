import Foundation
import KiemkeCore

/// One device's up/down/off state as a value, and what each probe result does to it: no database.
///
/// A device goes down only after `Rules.downAfter` failed probes in a row inside its schedule,
/// back-dated to the first of them, and is up again after one answer. Silent outside its schedule
/// it is off, not down. Each step also says which time since the previous probe counts as up or
/// down in availability; the store persists the state, the changes and the credits.
public struct ProbeStateMachine: Sendable, Equatable {
    public var state: ProbeState
    /// When the device entered `state` (back-dated to the first failure for `down`).
    public var since: Date
    public var lastProbe: Date
    /// Consecutive failed probes inside the schedule.
    public var failures: Int
    /// The first failure of a run that has not yet reached `downAfter`.
    public var firstFailureAt: Date?
    /// Start of time not yet credited to up or down, held while failures are pending.
    public var pendingFrom: Date?

    public init(state: ProbeState, since: Date, lastProbe: Date, failures: Int = 0,
                firstFailureAt: Date? = nil, pendingFrom: Date? = nil) {
        self.state = state
        self.since = since
        self.lastProbe = lastProbe
        self.failures = failures
        self.firstFailureAt = firstFailureAt
        self.pendingFrom = pendingFrom
    }

    /// One probe result, as the rules see it.
    public struct Reading: Sendable, Equatable {
        public var time: Date
        /// Whether any probe got an answer.
        public var up: Bool
        /// Whether the device is expected to answer now: always, or in office hours for one that follows them.
        public var inSchedule: Bool

        public init(time: Date, up: Bool, inSchedule: Bool) {
            self.time = time
            self.up = up
            self.inSchedule = inSchedule
        }
    }

    /// The policy for one device (see `RecordingPolicy.rules(for:)`).
    public struct Rules: Sendable, Equatable {
        /// Failed probes in a row inside the schedule before the device is down.
        public var downAfter: Int
        /// How often the device is probed: what is credited before a probe that follows a long gap.
        public var interval: TimeInterval
        /// The longest time between two probes that still counts as observed; longer means the
        /// daemon was not running, and that time is unknown.
        public var maxGap: TimeInterval

        public init(downAfter: Int, interval: TimeInterval, maxGap: TimeInterval) {
            self.downAfter = max(1, downAfter)
            self.interval = interval
            self.maxGap = maxGap
        }
    }

    /// What availability a span of time is credited to; the ledger makes it off or broken where it must.
    public enum Credit: Sendable, Equatable {
        case up, down
    }

    /// What a step asks the store to record.
    public enum Effect: Sendable, Equatable {
        /// The state changed at `at` (for down, the first failure); `failures`: failed probes in a row so far.
        case changed(from: ProbeState?, to: ProbeState, at: Date, failures: Int)
        /// The span counts as `Credit` in availability.
        case credited(DateInterval, Credit)
    }

    /// The state after `reading`, from `previous` (nil: the device's first probe ever), and its effects.
    public static func next(_ previous: ProbeStateMachine?, after reading: Reading, rules: Rules)
        -> (machine: ProbeStateMachine, effects: [Effect]) {
        guard var machine = previous else { return start(with: reading, rules: rules) }
        let effects = machine.apply(reading, rules: rules)
        return (machine, effects)
    }

    /// The starting state from a device's first probe: nothing to credit yet.
    public static func start(with reading: Reading, rules: Rules) -> (machine: ProbeStateMachine, effects: [Effect]) {
        let t = reading.time
        let initial: ProbeState = reading.up ? .up : (!reading.inSchedule ? .off : rules.downAfter <= 1 ? .down : .unknown)
        var machine = ProbeStateMachine(state: initial, since: t, lastProbe: t)
        if !reading.up && reading.inSchedule {
            machine.failures = 1
            machine.firstFailureAt = t
            machine.pendingFrom = t
        }
        return (machine, [.changed(from: nil, to: initial, at: t, failures: machine.failures)])
    }

    /// Moves to the state after `reading` and returns what to record.
    public mutating func apply(_ reading: Reading, rules: Rules) -> [Effect] {
        let t = reading.time
        var effects: [Effect] = []
        func credit(from: Date, _ category: Credit) {
            // Silence longer than maxGap means the daemon was not running: only one interval counts.
            let start = t.timeIntervalSince(from) > rules.maxGap ? t.addingTimeInterval(-rules.interval) : from
            if start < t { effects.append(.credited(DateInterval(start: start, end: t), category)) }
        }
        let previous = state
        var changedAt: Date? = nil
        if reading.up {
            // A success settles pending failures as noise: the device was up all along.
            credit(from: pendingFrom ?? lastProbe, .up)
            failures = 0
            firstFailureAt = nil
            pendingFrom = nil
            if previous != .up { state = .up; changedAt = t }
        } else if !reading.inSchedule {
            credit(from: pendingFrom ?? lastProbe, previous == .down ? .down : .up)
            failures = 0
            firstFailureAt = nil
            pendingFrom = nil
            if previous != .off { state = .off; changedAt = t }
        } else if previous == .down {
            credit(from: lastProbe, .down)
            failures += 1
        } else {
            failures += 1
            if firstFailureAt == nil {
                firstFailureAt = t
                pendingFrom = lastProbe
            }
            if failures >= rules.downAfter {
                credit(from: pendingFrom ?? lastProbe, .down)
                state = .down
                changedAt = firstFailureAt
                pendingFrom = nil
            }
        }
        lastProbe = t
        if let changedAt {
            since = changedAt
            effects.append(.changed(from: previous, to: state, at: changedAt, failures: failures))
        }
        return effects
    }
}
