import Foundation
import Inventory
import Probes
import KiemkeCore

/// What the poller remembers of one device between cycles: the cheap probe that answers it, its
/// failures in a row, and the facts it last read. The rules on it are pure, so a table tests them.
public struct DeviceMemory: Sendable, Equatable {
    /// The probe tried first; nil: every probe at once.
    public var cheapest: LivenessMethod?
    /// Failed probes in a row, inside or outside office hours.
    public var failures = 0
    /// When the full read was last tried (successful or not): the facts clock.
    public var factsTriedAt: Date?
    /// The last sysUpTime seen and when.
    public var uptimeTicks: UInt32?
    public var uptimeAt: Date?
    /// hrDeviceIndex of its printer row, read with sysUpTime on every cycle.
    public var printerRow: UInt?
    /// The printer error conditions and status last seen.
    public var conditions: [String] = []
    public var deviceStatus: String?

    public init(cheapest: LivenessMethod? = nil, failures: Int = 0, factsTriedAt: Date? = nil, uptimeTicks: UInt32? = nil,
                uptimeAt: Date? = nil, printerRow: UInt? = nil, conditions: [String] = [], deviceStatus: String? = nil) {
        self.cheapest = cheapest
        self.failures = failures
        self.factsTriedAt = factsTriedAt
        self.uptimeTicks = uptimeTicks
        self.uptimeAt = uptimeAt
        self.printerRow = printerRow
        self.conditions = conditions
        self.deviceStatus = deviceStatus
    }

    /// What a daemon that just started knows from the store; `downAfter` makes a down or off device count as away.
    public init(state: DeviceState?, downAfter: Int) {
        guard let state else { return }
        let facts = state.lastFacts
        printerRow = facts.flatMap(Self.printerRow)
        cheapest = LivenessMethod.cheapest(answeredBy: state.lastAnsweredBy, watchesStatus: printerRow != nil)
        failures = state.state == .down || state.state == .off ? max(state.failures, downAfter) : state.failures
        factsTriedAt = state.lastFactsAt
        uptimeTicks = facts?.system.uptimeTicks
        uptimeAt = uptimeTicks == nil ? nil : state.lastFactsAt
        conditions = facts?.conditions ?? []
        deviceStatus = facts?.deviceStatus
    }

    /// Whether failures have reached `downAfter`: the device counts as down (or off).
    public func isAway(downAfter: Int) -> Bool { failures >= max(1, downAfter) }

    /// Why facts are due at `now` on their own clock, or nil.
    public func factsDue(at now: Date, interval: TimeInterval) -> FactsTrigger? {
        guard let factsTriedAt else { return .never }
        return now.timeIntervalSince(factsTriedAt) >= interval ? .due : nil
    }

    /// The request for a liveness check: the cheap probe first, every probe at once for a device that is away.
    public func request(for target: ProbeTarget, downAfter: Int) -> LivenessRequest {
        LivenessRequest(target: target, first: isAway(downAfter: downAfter) ? nil : cheapest,
                        printerRow: target.snmp == nil ? nil : printerRow)
    }

    /// Takes in a liveness result at `time`; returns why facts must be read at once, if they must.
    public mutating func observe(liveness result: DeviceProbeResult, at time: Date, downAfter: Int) -> FactsTrigger? {
        guard result.up else {
            failures += 1
            return nil
        }
        var trigger: FactsTrigger? = isAway(downAfter: downAfter) ? .cameBack : nil
        failures = 0
        cheapest = LivenessMethod.cheapest(answeredBy: result.answeredByText, watchesStatus: printerRow != nil)
        if let status = result.status {
            if let ticks = status.uptimeTicks {
                if let previous = uptimeTicks, let previousAt = uptimeAt,
                   Self.rebooted(previous: previous, at: previousAt, now: ticks, at: time) {
                    trigger = trigger ?? .rebooted
                }
                uptimeTicks = ticks
                uptimeAt = time
            }
            if let now = status.printerConditions {
                if !now.isEmpty && Set(now) != Set(conditions) { trigger = trigger ?? .printerError }
                conditions = now
            }
            if let now = status.deviceStatus {
                if Self.errorStatuses.contains(now) && now != deviceStatus { trigger = trigger ?? .printerError }
                deviceStatus = now
            }
        }
        return trigger
    }

    /// Takes in a full read's result at `time` (the facts clock restarts whether SNMP answered or not).
    public mutating func observe(read result: DeviceProbeResult, at time: Date) {
        factsTriedAt = time
        if result.up {
            failures = 0
        } else {
            failures += 1
        }
        if let facts = result.facts {
            printerRow = Self.printerRow(facts)
            uptimeTicks = facts.system.uptimeTicks
            uptimeAt = uptimeTicks == nil ? nil : time
            conditions = facts.conditions
            deviceStatus = facts.deviceStatus
        }
        if result.up {
            cheapest = LivenessMethod.cheapest(answeredBy: result.answeredByText, watchesStatus: printerRow != nil)
        }
    }

    /// hrDeviceStatus values that are an error worth a fresh read.
    static let errorStatuses: Set<String> = ["warning", "down"]

    /// The printer row of a device whose facts list one.
    static func printerRow(_ facts: DeviceFacts) -> UInt? {
        facts.devices.first { $0.type == "printer" }?.index
    }

    /// Whether sysUpTime `now` at `nowAt` says the device restarted since it said `previous` at `previousAt`:
    /// it went backwards. Near the 32-bit wrap (every 497 days) going backwards is the wrap, not a restart.
    /// (An agent whose uptime stands still, like a recording, is not taken for a restart.)
    public static func rebooted(previous: UInt32, at previousAt: Date, now: UInt32, at nowAt: Date) -> Bool {
        guard now < previous else { return false }
        let elapsed = max(0, nowAt.timeIntervalSince(previousAt)) * 100
        return Double(previous) + elapsed < Double(UInt32.max)
    }
}
