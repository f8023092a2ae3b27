import KiemkeCore
@testable import Probes
import Testing
import TestSupport

/// A slow device with an endless table does not hold the batch it is in beyond its read deadline.
@Suite("A slow endless-walk device among ten healthy ones")
struct SlowDeviceBatchTests {
    @Test("11 targets, one answering after 0.9 s with an endless table: the batch ends by the deadline, the others complete")
    func slowAmongHealthy() async throws {
        let healthy = (0..<10).map { _ in HostileAgent(mib: .printer) }
        let slow = HostileAgent(mib: HostileWalkTests.endless(), delay: .milliseconds(900))
        let agents = healthy + [slow]
        let limits = ReadLimits(deadline: .seconds(3))
        let prober = DeviceProber(options: .init(ping: PingOptions(timeout: .milliseconds(300), tries: 1),
                                                 tcpTimeout: .milliseconds(300), concurrency: 64, readLimits: limits))
        let targets = agents.map { agent in
            ProbeTarget(address: IPAddress("127.0.0.1")!, kind: .printer, tcpPorts: [1],
                        snmp: SNMPSettings(community: "public", port: agent.port, timeout: 1.5, retries: 1))
        }
        let started = ContinuousClock.now
        let results = await prober.probe(targets)
        let seconds = SNMPSession.seconds(ContinuousClock.now - started)
        // The slow device was asked nothing after its 3 s deadline (measured at the agent, immune to this
        // test process's scheduling); without the deadline the batch would never end.
        #expect(slow.requestSpan < 3.2, "asked for \(slow.requestSpan) s")
        #expect(seconds < 120, "\(seconds) s")
        for result in results.prefix(10) {
            let facts = try #require(result.facts)
            #expect(facts.system.name == "may-in-tang-1")
            #expect(facts.notes.isEmpty)
        }
        let slowFacts = try #require(results.last?.facts)
        #expect(slowFacts.notes.contains { $0.contains("read deadline") })
    }
}
