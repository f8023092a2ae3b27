import Agent
import Foundation
import Inventory
import KiemkeCore
import Probes
import Testing

private let t0 = Date(timeIntervalSince1970: 1_764_468_000)
private let target = ProbeTarget(address: IPAddress("192.0.2.7")!, kind: .printer, snmp: SNMPSettings())

/// A liveness result: who answered, and what the SNMP GET said.
private func result(_ answered: [ProbeMethod], port: UInt16? = nil, status: StatusReading? = nil) -> DeviceProbeResult {
    var result = DeviceProbeResult(target: target, answeredBy: answered, tcpPort: port, failures: [:])
    result.status = status
    return result
}

/// One liveness step: the memory before, a result `seconds` after t0; the trigger and the memory after.
struct LivenessRow: Sendable, CustomTestStringConvertible {
    var name: String
    var before: DeviceMemory
    var seconds: Double
    var result: DeviceProbeResult
    var trigger: FactsTrigger?
    var after: DeviceMemory
    var testDescription: String { name }
}

@Suite("Poll memory: cheap probes, the facts clock and what makes facts be read at once")
struct DeviceMemoryTests {
    static let rows: [LivenessRow] = [
        LivenessRow(name: "answers its ping: nothing to read, ping stays the probe",
                    before: DeviceMemory(cheapest: .icmp), seconds: 60, result: result([.icmp]), trigger: nil,
                    after: DeviceMemory(cheapest: .icmp)),
        LivenessRow(name: "ping lost, TCP answered: TCP to that port becomes the probe, no failure",
                    before: DeviceMemory(cheapest: .icmp), seconds: 60, result: result([.tcp], port: 445), trigger: nil,
                    after: DeviceMemory(cheapest: .tcp(port: 445))),
        LivenessRow(name: "silent: one failure, nothing to read",
                    before: DeviceMemory(cheapest: .icmp), seconds: 60, result: result([]), trigger: nil,
                    after: DeviceMemory(cheapest: .icmp, failures: 1)),
        LivenessRow(name: "answers after down_after failures: came back, facts at once",
                    before: DeviceMemory(cheapest: .icmp, failures: 2), seconds: 60, result: result([.icmp]), trigger: .cameBack,
                    after: DeviceMemory(cheapest: .icmp)),
        LivenessRow(name: "answers after one failure (a flap): no read",
                    before: DeviceMemory(cheapest: .icmp, failures: 1), seconds: 60, result: result([.icmp]), trigger: nil,
                    after: DeviceMemory(cheapest: .icmp)),
        LivenessRow(name: "sysUpTime went backwards: rebooted",
                    before: DeviceMemory(cheapest: .snmp, uptimeTicks: 500_000, uptimeAt: t0), seconds: 60,
                    result: result([.snmp], status: StatusReading(uptimeTicks: 1_200)), trigger: .rebooted,
                    after: DeviceMemory(cheapest: .snmp, uptimeTicks: 1_200, uptimeAt: t0 + 60)),
        LivenessRow(name: "sysUpTime went on: no read",
                    before: DeviceMemory(cheapest: .snmp, uptimeTicks: 500_000, uptimeAt: t0), seconds: 60,
                    result: result([.snmp], status: StatusReading(uptimeTicks: 506_000)), trigger: nil,
                    after: DeviceMemory(cheapest: .snmp, uptimeTicks: 506_000, uptimeAt: t0 + 60)),
        LivenessRow(name: "a printer reports jammed: printer error, read at once",
                    before: DeviceMemory(cheapest: .snmp, printerRow: 1, deviceStatus: "running"), seconds: 60,
                    result: result([.snmp], status: StatusReading(printerConditions: ["jammed"], deviceStatus: "running")),
                    trigger: .printerError,
                    after: DeviceMemory(cheapest: .snmp, printerRow: 1, conditions: ["jammed"], deviceStatus: "running")),
        LivenessRow(name: "still jammed next cycle: already read, no read",
                    before: DeviceMemory(cheapest: .snmp, printerRow: 1, conditions: ["jammed"]), seconds: 60,
                    result: result([.snmp], status: StatusReading(printerConditions: ["jammed"])), trigger: nil,
                    after: DeviceMemory(cheapest: .snmp, printerRow: 1, conditions: ["jammed"])),
        LivenessRow(name: "jam cleared: no read (the next facts read shows it)",
                    before: DeviceMemory(cheapest: .snmp, printerRow: 1, conditions: ["jammed"]), seconds: 60,
                    result: result([.snmp], status: StatusReading(printerConditions: [])), trigger: nil,
                    after: DeviceMemory(cheapest: .snmp, printerRow: 1, conditions: [])),
        LivenessRow(name: "printer status turns to warning: printer error",
                    before: DeviceMemory(cheapest: .snmp, printerRow: 1, deviceStatus: "running"), seconds: 60,
                    result: result([.snmp], status: StatusReading(printerConditions: [], deviceStatus: "warning")),
                    trigger: .printerError,
                    after: DeviceMemory(cheapest: .snmp, printerRow: 1, deviceStatus: "warning")),
        LivenessRow(name: "a watched printer answering ping and SNMP keeps its GET as the probe",
                    before: DeviceMemory(cheapest: .snmp, printerRow: 1), seconds: 60, result: result([.icmp, .snmp]),
                    trigger: nil, after: DeviceMemory(cheapest: .snmp, printerRow: 1)),
    ]

    @Test("one liveness result", arguments: rows)
    func liveness(_ row: LivenessRow) {
        var memory = row.before
        let trigger = memory.observe(liveness: row.result, at: t0 + row.seconds, downAfter: 2)
        #expect(trigger == row.trigger)
        #expect(memory == row.after)
    }

    @Test("sysUpTime: a restart is uptime going backwards, not a standing-still agent or the 32-bit wrap", arguments: [
        (500_000 as UInt32, 60.0, 1_200 as UInt32, true),
        (500_000, 60, 506_000, false),
        (500_000, 3_600, 500_000, false),
        (500_000, 60, 499_999, true),
        (UInt32.max - 1_000, 60, 4_000, false),
    ])
    func rebooted(previous: UInt32, elapsed: Double, now: UInt32, expected: Bool) {
        #expect(DeviceMemory.rebooted(previous: previous, at: t0, now: now, at: t0 + elapsed) == expected)
    }

    @Test("the facts clock: never read, due after facts_interval, not before", arguments: [
        (nil as Double?, 0.0, FactsTrigger.never as FactsTrigger?),
        (0, 3_599, nil),
        (0, 3_600, .due),
        (0, 90_000, .due),
    ])
    func factsDue(triedAt: Double?, now: Double, expected: FactsTrigger?) {
        let memory = DeviceMemory(factsTriedAt: triedAt.map { t0 + $0 })
        #expect(memory.factsDue(at: t0 + now, interval: 3_600) == expected)
    }

    @Test("the liveness request: the cheap probe first, every probe at once for a device that counts as down", arguments: [
        (DeviceMemory(cheapest: .icmp), LivenessMethod.icmp as LivenessMethod?),
        (DeviceMemory(cheapest: .icmp, failures: 1), .icmp),
        (DeviceMemory(cheapest: .icmp, failures: 2), nil),
        (DeviceMemory(), nil),
    ])
    func request(memory: DeviceMemory, first: LivenessMethod?) {
        #expect(memory.request(for: target, downAfter: 2).first == first)
    }

    @Test("a full read restarts the facts clock and learns the printer row, whether or not SNMP answered")
    func read() {
        var memory = DeviceMemory(cheapest: .icmp)
        var silent = result([.icmp])
        silent.failures[.snmp] = "timeout"
        memory.observe(read: silent, at: t0)
        #expect(memory.factsTriedAt == t0)
        #expect(memory.factsDue(at: t0 + 60, interval: 3_600) == nil, "a device that does not answer SNMP is not read every cycle")

        var answered = result([.icmp, .snmp])
        answered.facts = DeviceFacts(address: "192.0.2.7", system: SystemGroup(uptimeTicks: 42), conditions: ["low toner"],
                                     devices: [HostDevice(index: 1, type: "printer", description: "HP", status: "warning")])
        memory.observe(read: answered, at: t0 + 3_600)
        #expect(memory == DeviceMemory(cheapest: .snmp, factsTriedAt: t0 + 3_600, uptimeTicks: 42, uptimeAt: t0 + 3_600,
                                       printerRow: 1, conditions: ["low toner"], deviceStatus: nil))
    }

    @Test("seeded from the store: a down or off device counts as away, its probe and facts clock carry over")
    func seeded() {
        let state = DeviceState(deviceId: 1, state: .down, since: t0, lastProbe: t0, lastUp: false,
                                lastAnsweredBy: "", failures: 0, lastFactsAt: t0)
        let memory = DeviceMemory(state: state, downAfter: 2)
        #expect(memory.isAway(downAfter: 2))
        #expect(memory.factsTriedAt == t0)
        let up = DeviceMemory(state: DeviceState(deviceId: 1, state: .up, since: t0, lastProbe: t0, lastUp: true,
                                                 lastAnsweredBy: "tcp:3389"), downAfter: 2)
        #expect(up.cheapest == .tcp(port: 3389))
        #expect(up.factsDue(at: t0, interval: 3_600) == .never)
        #expect(DeviceMemory(state: nil, downAfter: 2) == DeviceMemory())
    }
}
