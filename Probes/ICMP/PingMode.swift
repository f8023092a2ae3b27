/// Which kind of ICMP socket a `Pinger` may open.
public enum PingMode: String, Sendable, CaseIterable, Codable {
    /// Raw socket when privileged, otherwise the unprivileged datagram socket.
    case automatic = "auto"
    /// Raw socket only (root or `cap_net_raw`).
    case raw
    /// Unprivileged datagram ICMP socket only (needs `net.ipv4.ping_group_range` to include the group).
    case datagram
}
