// The driver of scripts/leakcheck-snmp: POLLS SNMP operations against a loopback agent, then engine
// shutdown, so that LeakSanitizer (built with --sanitize=address) sees everything net-snmp and the engine
// allocated. Every 50 operations: 1 GET to a dead port (timeout), 9 SNMPv3 authPriv GETs, 5 bulk walks,
// 35 v2c GETs. Exits 0 when every operation answered or timed out, 3 when some failed otherwise, 2 on
// bad arguments. KIEMKE_LEAK_CANARY=1 leaks 64 bytes on purpose, to show the sanitizer is watching.
import Foundation
import Probes

/// The leak-check driver's entry point.
@main
enum LeakCheck {
    static func main() async {
        let usage =
            "usage: kiemke-leakcheck POLLS AGENT-PORT DEAD-PORT (agent: snmpd on 127.0.0.1 with community public and user leak-sha-aes)"
        let arguments = CommandLine.arguments
        guard arguments.count == 4, let total = Int(arguments[1]), total > 0,
              let port = UInt16(arguments[2]), let deadPort = UInt16(arguments[3]) else {
            FileHandle.standardError.write(Data((usage + "\n").utf8))
            exit(2)
        }

        if ProcessInfo.processInfo.environment["KIEMKE_LEAK_CANARY"] != nil { leakOnPurpose() }

        let engine: SNMPEngine
        do {
            engine = try SNMPEngine(concurrency: 64)
        } catch {
            FileHandle.standardError.write(Data("cannot start the SNMP engine: \(error)\n".utf8))
            exit(1)
        }
        let v2 = SNMPSettings(community: "public", port: port, timeout: 2, retries: 1)
        let v3 = SNMPSettings.v3(.init(user: "leak-sha-aes", authProtocol: .sha, authPassphrase: "auth-pass-sha",
                                       privProtocol: .aes, privPassphrase: "priv-pass-aes"), port: port, timeout: 2, retries: 1)
        let dead = SNMPSettings(port: deadPort, timeout: 0.05, retries: 1)

        var answered = 0
        var timedOut = 0
        var failures: [SNMPError] = []
        var done = 0
        while done < total {
            let batch = min(64, total - done)
            let first = done
            let outcomes = await withTaskGroup(of: Outcome.self) { group in
                for n in first..<(first + batch) {
                    group.addTask {
                        do throws(SNMPError) {
                            switch n % 50 {
                            case 0: _ = try await engine.get(["1.3.6.1.2.1.1.1.0"], from: "127.0.0.1", settings: dead)
                            case 1...9: _ = try await engine.get(["1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.5.0"], from: "127.0.0.1", settings: v3)
                            case 10...14: _ = try await engine.walk("1.3.6.1.2.1.1", from: "127.0.0.1", settings: v2)
                            default: _ = try await engine.get(["1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.3.0"], from: "127.0.0.1", settings: v2)
                            }
                            return .answered
                        } catch {
                            return error.isTimeout ? .timedOut : .failed(error)
                        }
                    }
                }
                var all: [Outcome] = []
                for await outcome in group { all.append(outcome) }
                return all
            }
            for outcome in outcomes {
                switch outcome {
                case .answered: answered += 1
                case .timedOut: timedOut += 1
                case .failed(let error): failures.append(error)
                }
            }
            done += batch
        }
        await engine.shutdown()
        print("leakcheck: \(done) polls, \(answered) answered, \(timedOut) timed out, \(failures.count) other failures")
        for error in failures.prefix(5) { print("leakcheck: failure: \(error)") }
        exit(failures.isEmpty ? 0 : 3)
    }

    /// Allocates 64 bytes and drops the only pointer. In a frame of its own, which has returned by the
    /// time LeakSanitizer scans the stacks at exit, so no stale copy of the pointer hides the leak.
    @inline(never)
    static func leakOnPurpose() {
        guard let block = malloc(64) else { return }
        memset(block, 1, 64)
    }
}

/// What one operation ended with.
enum Outcome: Sendable {
    case answered, timedOut
    case failed(SNMPError)
}
