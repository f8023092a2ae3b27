import Foundation
import Synchronization

/// A hand-made SNMP agent on loopback that answers as a broken or hostile device would: late, wrongly
/// typed, malformed, endless, or from another address or port than the one asked.
///
/// Each agent runs one thread that waits on its socket and sends what `respond` returns for each request;
/// it stops when the agent is released.
public final class HostileAgent: Sendable {
    /// Where a reply is sent from.
    public enum Source: Sendable, Equatable {
        /// The agent's own address and port: a genuine answer.
        case device
        /// The agent's address, another port.
        case otherPort
        /// Another loopback address (127.0.0.2), any port.
        case otherAddress
    }

    /// One datagram to send back.
    public struct Reply: Sendable {
        public var bytes: [UInt8]
        public var delay: Duration
        public var from: Source

        public init(_ bytes: [UInt8], delay: Duration = .zero, from: Source = .device) {
            self.bytes = bytes
            self.delay = delay
            self.from = from
        }
    }

    /// The agent's UDP port on 127.0.0.1.
    public let port: UInt16
    private let state = State()

    /// How many requests the agent has received.
    public var requests: Int { state.requests.withLock { $0 } }

    /// Seconds from the first request received to the last, measured on the agent's own thread: how long
    /// the device was being read, whatever the test process's scheduling did to the reader's results.
    public var requestSpan: Double {
        state.times.withLock { times in
            guard let first = times.first, let last = times.last else { return 0 }
            let c = (last - first).components
            return Double(c.seconds) + Double(c.attoseconds) * 1e-18
        }
    }

    /// An agent that answers each datagram it receives (with the request read, when it is one) as `respond` says.
    public init(respond: @escaping @Sendable (HostileBER.Request?, [UInt8]) -> [Reply]) {
        let main = Self.socket(bound: "127.0.0.1")
        let otherPort = Self.socket(bound: "127.0.0.1")
        let otherAddress = Self.socket(bound: "127.0.0.2")
        port = Self.port(of: main)
        let state = self.state
        Thread.detachNewThread {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            var fds = [pollfd(fd: main, events: Int16(POLLIN), revents: 0)]
            while !state.stopped.withLock({ $0 }) {
                guard poll(&fds, 1, 50) > 0 else { continue }
                var client = sockaddr_storage()
                var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
                let n = withUnsafeMutablePointer(to: &client) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { recvfrom(main, &buffer, buffer.count, 0, $0, &length) }
                }
                guard n > 0 else { continue }
                state.requests.withLock { $0 += 1 }
                state.times.withLock { times in
                    if times.isEmpty { times.append(.now) } else if times.count == 1 { times.append(.now) } else { times[1] = .now }
                }
                let datagram = Array(buffer[..<n])
                for reply in respond(HostileBER.parseRequest(datagram), datagram) {
                    if reply.delay > .zero {
                        let c = reply.delay.components
                        Thread.sleep(forTimeInterval: Double(c.seconds) + Double(c.attoseconds) * 1e-18)
                    }
                    if state.stopped.withLock({ $0 }) { break }
                    let fd = switch reply.from {
                    case .device: main
                    case .otherPort: otherPort
                    case .otherAddress: otherAddress
                    }
                    _ = reply.bytes.withUnsafeBytes { bytes in
                        withUnsafePointer(to: &client) {
                            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { sendto(fd, bytes.baseAddress, bytes.count, 0, $0, length) }
                        }
                    }
                }
            }
            close(main)
            close(otherPort)
            close(otherAddress)
        }
    }

    /// An agent serving `mib`, each answer `delay` late, sent from `from`.
    public convenience init(mib: HostileMIB, delay: Duration = .zero, from: Source = .device) {
        self.init { request, _ in
            guard let request else { return [] }
            return [Reply(mib.respond(to: request), delay: delay, from: from)]
        }
    }

    deinit { state.stopped.withLock { $0 = true } }

    private final class State: Sendable {
        let stopped = Mutex(false)
        let requests = Mutex(0)
        /// The first and the latest request's arrival.
        let times = Mutex<[ContinuousClock.Instant]>([])
    }

    static func socket(bound address: String) -> Int32 {
        let fd = Glibc.socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        inet_pton(AF_INET, address, &addr.sin_addr)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return fd
    }

    static func port(of fd: Int32) -> UInt16 { SNMPDroppingRelay.port(of: fd) }
}

extension HostileMIB {
    /// A colour laser printer as a standard agent shows it: system group, hrDevice printer row, error
    /// state, one toner, page count, an interface. The base every matrix case changes one value of.
    public static let printer = HostileMIB([
        ([1, 3, 6, 1, 2, 1, 1, 1, 0], .text("HP LaserJet Pro M404dn")),
        ([1, 3, 6, 1, 2, 1, 1, 2, 0], .oid([1, 3, 6, 1, 4, 1, 11, 2, 3, 9, 1])),
        ([1, 3, 6, 1, 2, 1, 1, 3, 0], .timeTicks(123_456)),
        ([1, 3, 6, 1, 2, 1, 1, 4, 0], .text("IT")),
        ([1, 3, 6, 1, 2, 1, 1, 5, 0], .text("may-in-tang-1")),
        ([1, 3, 6, 1, 2, 1, 1, 6, 0], .text("Phòng một cửa")),
        ([1, 3, 6, 1, 2, 1, 25, 3, 2, 1, 2, 1], .oid([1, 3, 6, 1, 2, 1, 25, 3, 1, 5])),
        ([1, 3, 6, 1, 2, 1, 25, 3, 2, 1, 3, 1], .text("HP LaserJet Pro M404dn")),
        ([1, 3, 6, 1, 2, 1, 25, 3, 2, 1, 5, 1], .integer(2)),
        ([1, 3, 6, 1, 2, 1, 25, 3, 3, 1, 2, 1], .integer(7)),
        ([1, 3, 6, 1, 2, 1, 25, 3, 5, 1, 1, 1], .integer(3)),
        ([1, 3, 6, 1, 2, 1, 25, 3, 5, 1, 2, 1], .octets([0x00, 0x00])),
        ([1, 3, 6, 1, 2, 1, 25, 2, 3, 1, 2, 1], .oid([1, 3, 6, 1, 2, 1, 25, 2, 1, 4])),
        ([1, 3, 6, 1, 2, 1, 25, 2, 3, 1, 3, 1], .text("/")),
        ([1, 3, 6, 1, 2, 1, 25, 2, 3, 1, 4, 1], .integer(4_096)),
        ([1, 3, 6, 1, 2, 1, 25, 2, 3, 1, 5, 1], .integer(1_000_000)),
        ([1, 3, 6, 1, 2, 1, 25, 2, 3, 1, 6, 1], .integer(250_000)),
        ([1, 3, 6, 1, 2, 1, 43, 5, 1, 1, 17, 1], .text("VNB3K12345")),
        ([1, 3, 6, 1, 2, 1, 43, 10, 2, 1, 4, 1, 1], .counter32(33_810)),
        ([1, 3, 6, 1, 2, 1, 43, 11, 1, 1, 3, 1, 1], .integer(1)),
        ([1, 3, 6, 1, 2, 1, 43, 11, 1, 1, 5, 1, 1], .integer(3)),
        ([1, 3, 6, 1, 2, 1, 43, 11, 1, 1, 6, 1, 1], .text("Black Cartridge HP 59A")),
        ([1, 3, 6, 1, 2, 1, 43, 11, 1, 1, 8, 1, 1], .integer(3_000)),
        ([1, 3, 6, 1, 2, 1, 43, 11, 1, 1, 9, 1, 1], .integer(2_400)),
        ([1, 3, 6, 1, 2, 1, 43, 12, 1, 1, 4, 1, 1], .text("black")),
        ([1, 3, 6, 1, 2, 1, 47, 1, 1, 1, 1, 11, 1], .text("VNB3K12345")),
        ([1, 3, 6, 1, 2, 1, 47, 1, 1, 1, 1, 13, 1], .text("M404dn")),
        ([1, 3, 6, 1, 2, 1, 2, 2, 1, 2, 1], .text("eth0")),
        ([1, 3, 6, 1, 2, 1, 2, 2, 1, 5, 1], .gauge32(100_000_000)),
        ([1, 3, 6, 1, 2, 1, 2, 2, 1, 6, 1], .octets([0x00, 0x1B, 0x21, 0x3A, 0x4B, 0x5C])),
        ([1, 3, 6, 1, 2, 1, 2, 2, 1, 8, 1], .integer(1)),
        ([1, 3, 6, 1, 2, 1, 31, 1, 1, 1, 1, 1], .text("eth0")),
        ([1, 3, 6, 1, 2, 1, 31, 1, 1, 1, 15, 1], .gauge32(100)),
    ])
}
