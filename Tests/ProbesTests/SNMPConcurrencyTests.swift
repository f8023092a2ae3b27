import Foundation
import Probes
import Testing
import TestSupport

/// Many devices at once on one event-loop thread: dead devices cost one timeout in total, not one each.
@Suite(.enabled(if: SNMPSimulator.unavailableReason == nil, "snmpsim or ../shared recordings unavailable"))
struct SNMPConcurrencyTests {
    @Test("200 targets, a fifth silently dead: total time is about one timeout, every result is right")
    func fifthDead() async throws {
        let endpoint = try await SNMPSimulator.shared.endpoint()
        let engine = try SNMPEngine(concurrency: 256)
        let dead = SNMPBlackHole(count: 40)
        let recordings = SNMPSimulator.recordingNames.filter { $0 != "hikvision-cam" }
        let timeout = 2.0
        var targets: [(port: UInt16, community: String?)] = dead.ports.map { ($0, nil) }
        for i in 0..<160 { targets.append((endpoint.port, recordings[i % recordings.count])) }
        targets.shuffle()

        let start = ContinuousClock.now
        let results = await withTaskGroup(of: (String?, Result<[VarBind], SNMPError>).self) { group in
            for target in targets {
                let settings = SNMPSettings(community: target.community ?? "public", port: target.port, timeout: timeout, retries: 0)
                group.addTask {
                    do throws(SNMPError) {
                        return (target.community, .success(try await engine.get(["1.3.6.1.2.1.1.1.0"], from: "127.0.0.1", settings: settings)))
                    } catch {
                        return (target.community, .failure(error))
                    }
                }
            }
            var all: [(String?, Result<[VarBind], SNMPError>)] = []
            for await result in group { all.append(result) }
            return all
        }
        let elapsed = ContinuousClock.now - start

        let deadResults = results.filter { $0.0 == nil }
        let liveResults = results.filter { $0.0 != nil }
        #expect(deadResults.count == 40)
        #expect(deadResults.allSatisfy { (try? $0.1.get()) == nil })
        #expect(deadResults.allSatisfy { if case .failure(let e) = $0.1 { e.isTimeout } else { false } })
        #expect(liveResults.allSatisfy { (try? $0.1.get())?.count == 1 })
        // Serially the dead ones alone would take 40 x 2 s = 80 s.
        #expect(elapsed >= .seconds(timeout))
        // Loose enough for a loaded CI machine, and still far below the serial 80 s.
        #expect(elapsed < .seconds(timeout * 6), "took \(elapsed)")
        #expect(await engine.openSessionCount() == 0)
    }

    @Test("Concurrency bounds open sessions: 40 dead targets with 10 slots take four timeouts")
    func boundedSessions() async throws {
        let engine = try SNMPEngine(concurrency: 10)
        let dead = SNMPBlackHole(count: 40)
        let start = ContinuousClock.now
        let peak = PeakCounter()
        let poller = Task {
            while !Task.isCancelled {
                await peak.record(await engine.openSessionCount())
                try? await Task.sleep(for: .milliseconds(20))
            }
        }
        await withTaskGroup(of: Void.self) { group in
            for port in dead.ports {
                group.addTask {
                    _ = try? await engine.get(["1.3.6.1.2.1.1.1.0"], from: "127.0.0.1",
                                              settings: SNMPSettings(port: port, timeout: 0.5, retries: 0))
                }
            }
        }
        poller.cancel()
        let elapsed = ContinuousClock.now - start
        #expect(elapsed >= .seconds(2))
        // Four waves of 0.5 s; the peak counts below prove the bound, this only rules out a serial run (20 s).
        #expect(elapsed < .seconds(8), "took \(elapsed)")
        #expect(await peak.value <= 10)
        #expect(await peak.value >= 5)
    }
}

/// The highest value seen.
actor PeakCounter {
    private(set) var value = 0
    func record(_ sample: Int) { value = max(value, sample) }
}
