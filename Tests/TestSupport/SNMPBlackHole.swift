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
            let fd = SNMPDroppingRelay.boundSocket()
            ports.append(SNMPDroppingRelay.port(of: fd))
            sockets.append(fd)
        }
        self.ports = ports
        self.sockets = sockets
    }

    deinit { for fd in sockets { close(fd) } }
}
