import Foundation
import Probes
import Testing
import TestSupport

/// Many polls for `scripts/leakcheck-snmp` to run under valgrind; off unless KIEMKE_LEAKCHECK_POLLS is set.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["KIEMKE_LEAKCHECK_POLLS"] != nil, "set KIEMKE_LEAKCHECK_POLLS to run"),
       .enabled(if: SNMPDaemon.unavailableReason == nil, "snmpd unavailable"))
struct SNMPLeakCheckTests {
    @Test("N polls (v2c GET, v3 authPriv GET, v2c walk, timeouts) then shutdown: every session and PDU freed")
    func manyPolls() async throws {
        let total = Int(ProcessInfo.processInfo.environment["KIEMKE_LEAKCHECK_POLLS"] ?? "") ?? 10_000
        let port = try await SNMPDaemon.shared.port()
        let engine = try SNMPEngine(concurrency: 64)
        let dead = SNMPBlackHole(count: 4)
        let v2 = SNMPSettings(community: "public", port: port, timeout: 2, retries: 1)
        let v3 = SNMPSettings.v3(.init(user: "kiemke-sha-aes", authProtocol: .sha, authPassphrase: "auth-pass-sha",
                                       privProtocol: .aes, privPassphrase: "priv-pass-aes"), port: port, timeout: 2, retries: 1)
        var succeeded = 0
        var timedOut = 0
        var done = 0
        while done < total {
            let batch = min(64, total - done)
            let outcomes = await withTaskGroup(of: Bool?.self) { group in
                for i in 0..<batch {
                    let n = done + i
                    group.addTask {
                        do throws(SNMPError) {
                            switch n % 50 {
                            case 0: _ = try await engine.get(["1.3.6.1.2.1.1.1.0"], from: "127.0.0.1",
                                                             settings: SNMPSettings(port: dead.ports[n % 4], timeout: 0.05, retries: 1))
                            case 1...9: _ = try await engine.get(["1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.5.0"], from: "127.0.0.1", settings: v3)
                            case 10...14: _ = try await engine.walk("1.3.6.1.2.1.1", from: "127.0.0.1", settings: v2)
                            default: _ = try await engine.get(["1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.3.0"], from: "127.0.0.1", settings: v2)
                            }
                            return true
                        } catch {
                            return error.isTimeout ? nil : false
                        }
                    }
                }
                var results: [Bool?] = []
                for await r in group { results.append(r) }
                return results
            }
            succeeded += outcomes.filter { $0 == true }.count
            timedOut += outcomes.filter { $0 == nil }.count
            done += batch
        }
        #expect(await engine.openSessionCount() == 0)
        await engine.shutdown()
        print("leakcheck: \(done) polls, \(succeeded) answered, \(timedOut) timed out")
        #expect(succeeded + timedOut == total)
        #expect(timedOut == (total + 49) / 50)
    }
}
