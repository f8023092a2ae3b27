import Foundation
import Inventory
import Testing
import KiemkeCore

@Suite("Recording: facts from a full read stay while liveness checks bring none")
struct RecordingFactsTests {
    @Test("liveness observations after a full read keep the device's last facts and when they were read; new facts replace them")
    func factsStay() throws {
        let recording = try RecordingFixture(kind: .printer)
        let id = recording.device.id!
        let start = local("2026-11-30 08:00")
        let facts = DeviceFacts(address: "127.0.0.1", serial: "SN-1", conditions: ["low toner"], pageCount: 1200)
        let store = recording.fixture.store
        try store.record([Observation(deviceId: id, time: start, up: true, answeredBy: "icmp,snmp", facts: facts)],
                         policy: recording.policy)
        try recording.feed([true, false, false, true], from: start + 60)
        var state = try recording.state
        #expect(state.lastFacts == facts)
        #expect(state.lastFactsAt == start)
        #expect(state.lastProbe == start + 240)
        #expect(state.state == .up)
        #expect(state.lastAnsweredBy == "icmp")

        var newer = facts
        newer.pageCount = 1300
        try store.record([Observation(deviceId: id, time: start + 300, up: true, answeredBy: "icmp,snmp", facts: newer)],
                         policy: recording.policy)
        state = try recording.state
        #expect(state.lastFacts?.pageCount == 1300)
        #expect(state.lastFactsAt == start + 300)
    }
}
