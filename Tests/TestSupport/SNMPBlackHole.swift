import Foundation

/// UDP ports on loopback that accept datagrams and never answer: a device that is "dead" without the
/// ICMP port-unreachable that would make a closed port fail fast.
public final class SNMPBlackHole: Sendable {
    /// The bound ports, all on 127.0.0.1.
    public let ports: [UInt16]
    private let sockets: [Int32]

    /// Binds `count` silent UDP sockets.
    public init(count: Int) {
        var ports: [UInt16] = []
        var sockets: [Int32] = []
        for _ in 0..<count {
            let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
            var addr = sockaddr_in()
            addr.sin_family = sa_family_t(AF_INET)
            inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr)
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafeMutablePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
            }
            _ = withUnsafeMutablePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
            }
            ports.append(UInt16(bigEndian: addr.sin_port))
            sockets.append(fd)
        }
        self.ports = ports
        self.sockets = sockets
    }

    deinit { for fd in sockets { close(fd) } }
}
