import Foundation
@testable import Probes
import Testing
import TestSupport

/// The descriptor bound: the open-file limit is raised (as the executable does), the session bound follows it, and the
/// engine's `select` loop still works when its sockets are numbered past FD_SETSIZE (1,024).
struct SNMPResourceLimitsTests {
    @Test("The session bound is what was asked when descriptors suffice, half of what is left otherwise")
    func sessionBound() {
        #expect(ResourceLimits.sessionBound(requested: 1_024, openFiles: 32_768) == 1_024)
        #expect(ResourceLimits.sessionBound(requested: 1_024, openFiles: 1_024) == (1_024 - ResourceLimits.reservedDescriptors) / 2)
        #expect(ResourceLimits.sessionBound(requested: 10, openFiles: 20) == 1)
        #expect(ResourceLimits.sessionBound(requested: 3, openFiles: 1_000_000) == 3)
    }

    @Test("After the raise the soft open-file limit is min(hard, ceiling) or was already higher")
    func raisedTowardsHard() throws {
        ResourceLimits.raiseOpenFilesLimit()
        var limit = rlimit()
        #expect(getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0)
        let hard = limit.rlim_max > rlim_t(Int.max) ? Int.max : Int(limit.rlim_max)
        #expect(Int(limit.rlim_cur) >= min(hard, ResourceLimits.openFilesCeiling))
        #expect(ResourceLimits.openFiles == Int(limit.rlim_cur))
        #expect(try SNMPEngine().concurrency == ResourceLimits.sessionBound(requested: SNMPEngine.defaultConcurrency))
    }

    @Test("Sessions whose sockets are numbered past 1,024 are read and time out like any other",
          .enabled(if: SNMPDaemon.unavailableReason == nil, "snmpd unavailable"),
          .enabled(if: ResourceLimits.raiseOpenFilesLimit() >= 1_400, "the open-file limit cannot be raised to 1,400"))
    func descriptorsPastFDSetSize() async throws {
        let port = try await SNMPDaemon.shared.port()
        let engine = try SNMPEngine(concurrency: 128)
        // Hold 1,100 descriptors so the engine's sockets get numbers above FD_SETSIZE.
        let held = (0..<1_100).map { _ in open("/dev/null", O_RDONLY) }
        defer { for fd in held where fd >= 0 { close(fd) } }
        #expect(held.allSatisfy { $0 >= 0 })
        let dead = SNMPBlackHole(count: 8)
        let live = SNMPSettings(port: port, timeout: 2, retries: 1)
        let start = ContinuousClock.now
        let results = await withTaskGroup(of: (Bool, Bool).self) { group in
            for _ in 0..<100 {
                group.addTask {
                    let binds = try? await engine.get(["1.3.6.1.2.1.1.1.0"], from: "127.0.0.1", settings: live)
                    return (true, binds?.first?.value.text == "kiemke test agent")
                }
            }
            for deadPort in dead.ports {
                group.addTask {
                    do throws(SNMPError) {
                        _ = try await engine.get(["1.3.6.1.2.1.1.1.0"], from: "127.0.0.1",
                                                 settings: SNMPSettings(port: deadPort, timeout: 0.5, retries: 0))
                        return (false, false)
                    } catch {
                        return (false, error.isTimeout)
                    }
                }
            }
            var all: [(Bool, Bool)] = []
            for await result in group { all.append(result) }
            return all
        }
        let elapsed = ContinuousClock.now - start
        #expect(results.filter { $0.0 && $0.1 }.count == 100, "live answers")
        #expect(results.filter { !$0.0 && $0.1 }.count == 8, "dead ones time out")
        #expect(elapsed < .seconds(10), "took \(elapsed)")
        #expect(await engine.openSessionCount() == 0)
    }
}
