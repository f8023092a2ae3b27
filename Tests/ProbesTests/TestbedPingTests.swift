import Foundation
import Probes
import TestSupport
import Testing

/// One row of `kiemke ping --format json`.
struct TestbedPingRow: Decodable {
    let address: String
    let up: Bool
    let rttMs: Double?
    let reason: String?
    let sent: Int
    let received: Int
}

extension Testbed {
    /// Runs `kiemke ping ARGUMENTS --format json` in the prober namespace and decodes its rows by address.
    func ping(_ arguments: [String], unprivileged: Bool = false) async throws -> (rows: [String: TestbedPingRow], output: Output) {
        let output = try await kiemke(["ping"] + arguments + ["--format", "json", "--log-level", "info"], unprivileged: unprivileged)
        try #require(output.status == 0, "kiemke ping failed: \(output.stderr)")
        // snake_case keys, as every kiemke JSON output: "rtt_ms", never "rttMs".
        #expect(!output.stdout.contains("rttMs"))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let rows = try decoder.decode([TestbedPingRow].self, from: Data(output.stdout.utf8))
        return (Dictionary(uniqueKeysWithValues: rows.map { ($0.address, $0) }), output)
    }
}

@Suite("Ping across a clean namespace link (veth)", .serialized,
       .enabled(if: Testbed.unavailableReason == nil, "\(Testbed.unavailableReason ?? "")"))
struct TestbedPingTests {
    @Test("every host of a live /24 answers", arguments: [false, true])
    func liveNetwork(unprivileged: Bool) async throws {
        try await Testbed.with { testbed in
            let mode = unprivileged ? "datagram" : "raw"
            let (rows, output) = try await testbed.ping(["198.18.1.0/24", "--mode", mode, "--rate", "2000"],
                                                        unprivileged: unprivileged)
            #expect(rows.count == 254)
            #expect(rows.values.filter { !$0.up }.isEmpty)
            #expect(output.stderr.contains("(\(mode) socket)"), "\(output.stderr)")
        }
    }

    @Test("blackholed hosts are down by timeout after about timeout × tries", arguments: [false, true])
    func blackhole(unprivileged: Bool) async throws {
        try await Testbed.with { testbed in
            let (rows, output) = try await testbed.ping(
                ["198.18.2.0/26", "--timeout", "300ms", "--tries", "3", "--rate", "2000",
                 "--mode", unprivileged ? "datagram" : "raw"], unprivileged: unprivileged)
            #expect(rows.count == 62)
            for row in rows.values {
                #expect(!row.up && row.reason == "timeout" && row.sent == 3 && row.received == 0, "\(row)")
            }
            // 3 × 300 ms, plus process start-up; not 3 × 300 ms per target (56 s). Loose for loaded machines.
            #expect(output.seconds >= 0.85 && output.seconds < 15, "took \(output.seconds) s")
        }
    }

    @Test("unreachable and prohibited routes are reported with their reason, quickly", arguments: [false, true])
    func unreachable(unprivileged: Bool) async throws {
        try await Testbed.with { testbed in
            let (rows, output) = try await testbed.ping(
                ["198.18.3.1", "198.18.4.1", "--timeout", "5s", "--tries", "2",
                 "--mode", unprivileged ? "datagram" : "raw"], unprivileged: unprivileged)
            #expect(rows["198.18.3.1"]?.reason == "host unreachable", "\(String(describing: rows["198.18.3.1"]))")
            #expect(rows["198.18.4.1"]?.reason == "prohibited", "\(String(describing: rows["198.18.4.1"]))")
            #expect(rows.values.allSatisfy { !$0.up })
            // Far less than one 5 s timeout: the ICMP errors end the tries.
            #expect(output.seconds < 4, "took \(output.seconds) s")
        }
    }

    @Test("a route refused by the prober's own table fails the send: down with the reason, one packet")
    func localUnreachable() async throws {
        try await Testbed.with { testbed in
            let route = try await testbed.exec(["ip", "route", "add", "unreachable", "198.18.9.0/24"])
            try #require(route.status == 0, "\(route.stderr)")
            let (rows, _) = try await testbed.ping(["198.18.9.9", "--timeout", "2s"])
            let row = try #require(rows["198.18.9.9"])
            #expect(!row.up && row.reason == "host unreachable" && row.sent == 1, "\(row)")
        }
    }
}

@Suite("Ping across a slow, lossy relay", .serialized,
       .enabled(if: Testbed.unavailableReason == nil, "\(Testbed.unavailableReason ?? "")"))
struct TestbedRelayPingTests {
    @Test("50 ms one-way delay gives a round trip of about 100 ms")
    func delay() async throws {
        try await Testbed.with(delayMs: 50) { testbed in
            let (rows, _) = try await testbed.ping(["198.18.1.0/29", "--timeout", "1s"])
            #expect(rows.count == 6)
            for row in rows.values {
                let rtt = try #require(row.rttMs, "\(row)")
                #expect(rtt >= 99 && rtt < 140, "\(row.address): \(rtt) ms")
            }
        }
    }

    // Four tries: a host is lost only if all four round trips are (0.05^4 per host, 4e-4 per run),
    // and a generous timeout so a loaded machine's slow relay is not mistaken for loss.
    @Test("with 2.5% loss each way (~5% per round trip), retries keep every live host of a /26 up")
    func loss() async throws {
        try await Testbed.with(lossPct: 2.5) { testbed in
            let (rows, _) = try await testbed.ping(["198.18.1.0/26", "198.18.2.1", "--timeout", "1s", "--tries", "4"])
            let live = rows.values.filter { $0.address.hasPrefix("198.18.1.") }
            #expect(live.count == 62)
            #expect(live.filter { !$0.up }.map(\.address).isEmpty)
            #expect(rows["198.18.2.1"]?.up == false && rows["198.18.2.1"]?.reason == "timeout")
            // The loss is real: one try per host over a /24 loses some (all 254 surviving is ~3e-6 likely).
            let (single, _) = try await testbed.ping(["198.18.1.0/24", "--timeout", "400ms", "--tries", "1"])
            #expect(single.values.contains { !$0.up })
        }
    }
}
