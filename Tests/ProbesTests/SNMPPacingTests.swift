import Foundation
import Probes
import Synchronization
import Testing
import TestSupport

/// Per-request timeout and retries (`SNMPSession.paced`, `adaptivelyPaced`) reach net-snmp at send time.
struct SNMPPacingTests {
    @Test("A paced copy times out after its own timeout x (retries + 1); the session itself keeps its settings")
    func pacedTimeoutTakesEffect() async throws {
        let hole = SNMPBlackHole(count: 1)
        let settings = SNMPSettings(community: "public", port: hole.ports[0], timeout: 2, retries: 0)
        let engine = try SNMPEngine(concurrency: 2)
        let clock = ContinuousClock()
        let (paced, unpaced) = try await engine.withSession(to: "127.0.0.1", settings: settings) { session throws(SNMPError) in
            var start = clock.now
            do throws(SNMPError) {
                _ = try await session.paced(timeout: 0.05, retries: 3).get(["1.3.6.1.2.1.1.1.0"])
                Issue.record("a black hole answered")
            } catch {
                #expect(error == .timeout(address: "127.0.0.1", seconds: 0.2))
            }
            let paced = clock.now - start
            start = clock.now
            do throws(SNMPError) {
                _ = try await session.get(["1.3.6.1.2.1.1.1.0"])
            } catch {
                #expect(error == .timeout(address: "127.0.0.1", seconds: 2))
            }
            return (paced, clock.now - start)
        }
        // 4 tries of 50 ms (net-snmp does not back off), well under the session's one try of 2 s;
        // the upper bound is loose so that a loaded machine's scheduling cannot fail it.
        #expect(paced >= .milliseconds(190))
        #expect(paced < .milliseconds(1500))
        #expect(unpaced >= .milliseconds(1950))
        #expect(await engine.openSessionCount() == 0)
    }
}

/// A device whose one request is lost is read after a short, round-trip-derived retry, not the configured timeout.
@Suite(.enabled(if: SNMPSimulator.unavailableReason == nil, "snmpsim or ../shared recordings unavailable"))
struct SNMPAdaptivePacingTests {
    @Test("After the first GET, a dropped request is retried after a few round trips")
    func droppedRequestRetriedQuickly() async throws {
        let endpoint = try await SNMPSimulator.shared.endpoint()
        let relay = SNMPDroppingRelay(upstreamPort: endpoint.port, droppingRequest: 2)
        let reader = DeviceReader(engine: try SNMPEngine(concurrency: 2))
        // The configured try is 5 s: waiting it out for the dropped request would take the read past 5 s.
        let settings = SNMPSettings(community: "konica_c250i", port: relay.port, timeout: 5, retries: 1)
        let clock = ContinuousClock()
        let start = clock.now
        let facts = try await reader.read("127.0.0.1", settings: settings).get()
        let elapsed = clock.now - start
        #expect(relay.dropped == 1)
        #expect(facts.system.description == "KONICA MINOLTA bizhub C250i")
        #expect(facts.notes.isEmpty)
        #expect(elapsed < .seconds(4))
    }
}
