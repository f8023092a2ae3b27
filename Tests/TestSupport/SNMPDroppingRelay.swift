import Foundation
import Synchronization

/// A UDP relay on 127.0.0.1 in front of a real agent that silently drops chosen requests: a device that
/// answers some requests and then stops (partial results), or one whose single request is lost (retries).
public final class SNMPDroppingRelay: Sendable {
    /// The port clients should use.
    public let port: UInt16
    private let front: Int32
    private let back: Int32
    private let stopped = StopFlag()

    /// How many requests the relay has dropped so far.
    public var dropped: Int { stopped.dropped }

    /// Forwards the first `forwardCount` requests to `upstreamPort` on 127.0.0.1 and drops the rest.
    public convenience init(upstreamPort: UInt16, forwardCount: Int) {
        self.init(upstreamPort: upstreamPort, forwards: { $0 <= forwardCount })
    }

    /// Forwards every request but the `request`-th (counting from 1).
    public convenience init(upstreamPort: UInt16, droppingRequest request: Int) {
        self.init(upstreamPort: upstreamPort, forwards: { $0 != request })
    }

    /// Forwards the requests for whose number (counting from 1) `forwards` says yes.
    public init(upstreamPort: UInt16, forwards: @escaping @Sendable (Int) -> Bool) {
        front = Self.boundSocket()
        back = Self.boundSocket()
        port = Self.port(of: front)
        var upstream = sockaddr_in()
        upstream.sin_family = sa_family_t(AF_INET)
        upstream.sin_port = upstreamPort.bigEndian
        inet_pton(AF_INET, "127.0.0.1", &upstream.sin_addr)
        let (front, back, stopped) = (self.front, self.back, self.stopped)
        let upstreamAddress = upstream
        Thread.detachNewThread {
            var client = sockaddr_in()
            var received = 0
            var buffer = [UInt8](repeating: 0, count: 65_536)
            var fds = [pollfd(fd: front, events: Int16(POLLIN), revents: 0), pollfd(fd: back, events: Int16(POLLIN), revents: 0)]
            while !stopped.isSet {
                guard poll(&fds, 2, 100) > 0 else { continue }
                if fds[0].revents & Int16(POLLIN) != 0 {
                    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
                    let n = withUnsafeMutablePointer(to: &client) {
                        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { recvfrom(front, &buffer, buffer.count, 0, $0, &length) }
                    }
                    if n > 0 { received += 1 }
                    if n > 0, !forwards(received) {
                        stopped.countDrop()
                    } else if n > 0 {
                        var to = upstreamAddress
                        _ = withUnsafeMutablePointer(to: &to) {
                            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                                sendto(back, buffer, n, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
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

    deinit { stopped.set() }

    /// Tells the relay thread to finish and counts its drops (a class, so the thread can hold it while
    /// the relay is released).
    private final class StopFlag: Sendable {
        private let flag = Mutex(false)
        private let drops = Mutex(0)
        var isSet: Bool { flag.withLock { $0 } }
        func set() { flag.withLock { $0 = true } }
        var dropped: Int { drops.withLock { $0 } }
        func countDrop() { drops.withLock { $0 += 1 } }
    }

    /// A UDP socket bound to an ephemeral port on 127.0.0.1.
    static func boundSocket() -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return fd
    }

    /// The local port of a bound socket.
    static func port(of fd: Int32) -> UInt16 {
        var addr = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return UInt16(bigEndian: addr.sin_port)
    }
}
