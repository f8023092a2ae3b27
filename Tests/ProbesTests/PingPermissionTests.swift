import Foundation
import Glibc
import Probes
import Testing

@Suite("Without permission the pinger fails with the three fixes")
struct PingPermissionTests {
    /// Whether this process's group may open datagram ICMP sockets in this namespace.
    static var groupMayPing: Bool {
        guard let text = try? String(contentsOfFile: "/proc/sys/net/ipv4/ping_group_range", encoding: .utf8)
        else { return true }
        let bounds = text.split(whereSeparator: \.isWhitespace).compactMap { UInt32($0) }
        return bounds.count == 2 && (bounds[0]...max(bounds[0], bounds[1])).contains(getegid()) && bounds[0] <= bounds[1]
    }

    @Test("a refused datagram socket is a PingError naming root, setcap and ping_group_range",
          .enabled(if: !groupMayPing, "this group may open ping sockets here, so no refusal to observe"))
    func datagramRefused() throws {
        do {
            _ = try Pinger(options: PingOptions(mode: .datagram))
            Issue.record("expected a permission error")
        } catch {
            guard case .permissionDenied(.datagram, _, let detail) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(detail.contains("ping_group_range"))
            let message = error.description
            #expect(message.contains("root"))
            #expect(message.contains("setcap cap_net_raw+ep"))
            #expect(message.contains("sysctl -w net.ipv4.ping_group_range=\"0 2147483647\""))
        }
    }

    @Test("options out of range are refused before any socket is opened")
    func badOptions() {
        #expect(throws: PingError.self) { try Pinger(options: PingOptions(tries: 0)) }
        #expect(throws: PingError.self) { try Pinger(options: PingOptions(packetsPerSecond: 0)) }
        #expect(throws: PingError.self) { try Pinger(options: PingOptions(timeout: .zero)) }
    }
}
