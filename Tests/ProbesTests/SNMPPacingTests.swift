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
        let relay = DropOneRelay(upstreamPort: endpoint.port, drop: 2)
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

/// A UDP relay in front of a real agent that drops exactly one request (the `drop`-th, counting from 1).
private final class DropOneRelay: Sendable {
    let port: UInt16
    private let state = State()

    var dropped: Int { state.value.withLock { $0.dropped } }

    private final class State: Sendable {
        let value = Mutex((dropped: 0, stopped: false))
    }

    init(upstreamPort: UInt16, drop: Int) {
        let front = Self.boundSocket()
        let back = Self.boundSocket()
        port = Self.port(of: front)
        var upstream = sockaddr_in()
        upstream.sin_family = sa_family_t(AF_INET)
        upstream.sin_port = upstreamPort.bigEndian
        inet_pton(AF_INET, "127.0.0.1", &upstream.sin_addr)
        let upstreamAddress = upstream
        let state = self.state
        Thread.detachNewThread {
            var client = sockaddr_in()
            var received = 0
            var buffer = [UInt8](repeating: 0, count: 65_536)
            var fds = [pollfd(fd: front, events: Int16(POLLIN), revents: 0), pollfd(fd: back, events: Int16(POLLIN), revents: 0)]
            while !state.value.withLock({ $0.stopped }) {
                guard poll(&fds, 2, 100) > 0 else { continue }
                if fds[0].revents & Int16(POLLIN) != 0 {
                    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
                    let n = withUnsafeMutablePointer(to: &client) {
                        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { recvfrom(front, &buffer, buffer.count, 0, $0, &length) }
                    }
                    if n > 0 {
                        received += 1
                        if received == drop {
                            state.value.withLock { $0.dropped += 1 }
                        } else {
                            var to = upstreamAddress
                            _ = withUnsafeMutablePointer(to: &to) {
                                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                                    sendto(back, buffer, n, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                                }
                            }
                        }
                    }
                }
                if fds[1].revents & Int16(POLLIN) != 0 {
                    let n = recv(back, &buffer, buffer.count, 0)
                    if n > 0 {
                        _ = withUnsafeMutablePointer(to: &client) {
                            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                                sendto(front, buffer, n, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                            }
                        }
                    }
                }
            }
            close(front)
            close(back)
        }
    }

    deinit { state.value.withLock { $0.stopped = true } }

    private static func boundSocket() -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return fd
    }

    private static func port(of fd: Int32) -> UInt16 {
        var addr = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return UInt16(bigEndian: addr.sin_port)
    }
}
