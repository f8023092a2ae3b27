import Foundation
import Probes
import Testing
import TestSupport

/// A device that answers some requests and then goes silent keeps what was read, with notes of what failed.
@Suite(.enabled(if: SNMPSimulator.unavailableReason == nil, "snmpsim or ../shared recordings unavailable"))
struct ReaderPartialResultTests {
    @Test("System group and HOST-RESOURCES answered, Printer-MIB and IF-MIB timed out")
    func partial() async throws {
        let endpoint = try await SNMPSimulator.shared.endpoint()
        let relay = SNMPDroppingRelay(upstreamPort: endpoint.port, forwardCount: 2)
        let reader = DeviceReader(engine: try SNMPEngine(concurrency: 4))
        // A generous timeout: snmpsim is slow on a loaded machine, and only the dropped requests may time out.
        let settings = SNMPSettings(community: "konica_c250i", port: relay.port, timeout: 2, retries: 0)
        let facts = try await reader.read("127.0.0.1", settings: settings).get()
        #expect(facts.system.description == "KONICA MINOLTA bizhub C250i")
        #expect(facts.kind == .copier)
        #expect(facts.deviceStatus == "warning")
        #expect(facts.conditions == ["service requested"])
        #expect(facts.supplies.isEmpty)
        #expect(facts.serial == nil)
        #expect(facts.notes.count == 2)
        #expect(facts.notes.contains { $0.hasPrefix("Printer-MIB walk incomplete") })
        #expect(facts.notes.contains { $0.hasPrefix("IF-MIB walk incomplete") })
    }

    @Test("A device that answers nothing is a timeout failure, not empty facts")
    func silent() async throws {
        let endpoint = try await SNMPSimulator.shared.endpoint()
        let relay = SNMPDroppingRelay(upstreamPort: endpoint.port, forwardCount: 0)
        let reader = DeviceReader(engine: try SNMPEngine(concurrency: 4))
        let result = await reader.read("127.0.0.1", settings: SNMPSettings(community: "konica_c250i", port: relay.port, timeout: 0.3, retries: 0))
        #expect(throws: SNMPError.timeout(address: "127.0.0.1", seconds: 0.3)) { try result.get() }
    }
}
