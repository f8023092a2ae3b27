/// The kind of ICMP socket a `Pinger` actually opened.
public enum PingSocketKind: String, Sendable, Codable, CustomStringConvertible {
    /// `SOCK_RAW`: sees every ICMP packet; replies are filtered by our identifier.
    case raw
    /// `SOCK_DGRAM` with `IPPROTO_ICMP(V6)`: the kernel picks the identifier and routes replies to us.
    case datagram

    public var description: String { rawValue }
}
