import Probes
import TestSupport
import Testing
import KiemkeCore

@Suite("Raw ICMP sockets ping loopback", .enabled(if: SharedFixtures.isRoot, "raw ICMP sockets need root"))
struct PingLoopbackTests {
    let fast = PingOptions(timeout: .milliseconds(500), tries: 2, packetsPerSecond: 2_000, mode: .raw)

    @Test("127.0.0.1 and ::1 answer with a round-trip time")
    func localhost() async throws {
        let pinger = try Pinger(options: fast)
        #expect(pinger.socketKind == .raw)
        let v4 = try #require(IPAddress("127.0.0.1"))
        let v6 = try #require(IPAddress("::1"))
        let results = await pinger.ping([v4, v6])
        for address in [v4, v6] {
            let result = try #require(results[address])
            #expect(result.up, "\(address): \(result)")
            #expect(result.sent == 1 && result.received == 1, "\(address): \(result)")
            let rtt = try #require(result.rttMs)
            #expect(rtt > 0 && rtt < 500)
            #expect(result.reason == nil)
        }
    }

    @Test("every address of a 127.x /24 answers through the one shared socket")
    func manyTargets() async throws {
        let pinger = try Pinger(options: fast)
        let targets = try IPNetwork("127.77.3.0/24").hosts
        let results = await pinger.ping(targets + targets.prefix(3))
        #expect(results.count == 254)
        let down = results.filter { !$0.value.up }.map(\.key)
        #expect(down.isEmpty, "down: \(down)")
    }

    @Test("sweeps on one pinger run one after another without stealing replies")
    func concurrentSweeps() async throws {
        let pinger = try Pinger(options: fast)
        let first = try IPNetwork("127.78.1.0/28").hosts
        let second = try IPNetwork("127.78.2.0/28").hosts
        async let a = pinger.ping(first)
        async let b = pinger.ping(second)
        let (resultsA, resultsB) = await (a, b)
        #expect(resultsA.values.allSatisfy(\.up) && resultsA.count == first.count)
        #expect(resultsB.values.allSatisfy(\.up) && resultsB.count == second.count)
    }

    @Test("two pingers in one process each see only their own replies")
    func separateIdentifiers() async throws {
        let one = try Pinger(options: fast)
        let two = try Pinger(options: fast)
        let targets = try IPNetwork("127.79.1.0/29").hosts
        async let a = one.ping(targets)
        async let b = two.ping(targets)
        let (resultsA, resultsB) = await (a, b)
        for results in [resultsA, resultsB] {
            #expect(results.values.allSatisfy { $0.up && $0.received == 1 }, "\(results)")
        }
    }

    @Test("an empty target list returns at once")
    func empty() async throws {
        #expect(try await Pinger(options: fast).ping([]).isEmpty)
    }
}
