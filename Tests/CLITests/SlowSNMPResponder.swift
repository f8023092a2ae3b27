import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// An SNMPv2c agent on loopback that answers every request after `delay` (under the probe
/// timeout) and whose tables never end: each GETNEXT/GETBULK answer lies one level deeper under
/// the OID asked for, so a walk advances forever.
///
/// Hand-made BER, just enough for net-snmp's requests: GET answers every variable with the
/// integer 1; GETNEXT and GETBULK answer `oid.1`, `oid.2`... A test-local stand-in, so that the
/// daemon's shutdown test does not depend on the hostile agent of the probe tests.
final class SlowSNMPResponder: Sendable {
    let port: UInt16
    private let socket: Int32
    private let state = State()

    /// Requests received, to tell that a read was in flight.
    var requests: Int { state.requests.load(ordering: .relaxed) }

    /// What the receiving thread and the delayed replies share with the responder.
    private final class State: Sendable {
        let stopped = Atomic<Bool>(false)
        let requests = Atomic<Int>(0)
    }

    init(delay: Duration) {
        let fd = Glibc.socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        socket = fd
        port = UInt16(bigEndian: address.sin_port)
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let state = state
        let thread = Thread {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while !state.stopped.load(ordering: .relaxed) {
                var from = sockaddr_storage()
                var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
                let received = withUnsafeMutablePointer(to: &from) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { recvfrom(fd, &buffer, buffer.count, 0, $0, &length) }
                }
                guard received > 0, let reply = Self.reply(to: Array(buffer[0..<received])) else { continue }
                state.requests.add(1, ordering: .relaxed)
                let peer = from
                let peerLength = length
                DispatchQueue.global().asyncAfter(deadline: .now() + delay.timeInterval) {
                    guard !state.stopped.load(ordering: .relaxed) else { return }
                    var address = peer
                    _ = withUnsafePointer(to: &address) {
                        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { sendto(fd, reply, reply.count, 0, $0, peerLength) }
                    }
                }
            }
        }
        thread.start()
    }

    deinit {
        state.stopped.store(true, ordering: .relaxed)
        // The thread wakes within its receive timeout and sees the flag; the socket closes after it.
        let fd = socket
        DispatchQueue.global().asyncAfter(deadline: .now() + 1) { close(fd) }
    }

    // MARK: - BER

    /// A BER element: tag and content.
    private struct Element {
        var tag: UInt8
        var content: ArraySlice<UInt8>
    }

    private static func read(_ bytes: ArraySlice<UInt8>) -> (Element, ArraySlice<UInt8>)? {
        guard bytes.count >= 2 else { return nil }
        var index = bytes.startIndex
        let tag = bytes[index]
        index += 1
        var length = Int(bytes[index])
        index += 1
        if length & 0x80 != 0 {
            let count = length & 0x7F
            guard count > 0, count <= 3, bytes.endIndex - index >= count else { return nil }
            length = 0
            for _ in 0..<count {
                length = length << 8 | Int(bytes[index])
                index += 1
            }
        }
        guard bytes.endIndex - index >= length else { return nil }
        return (Element(tag: tag, content: bytes[index..<index + length]), bytes[(index + length)...])
    }

    private static func elements(_ bytes: ArraySlice<UInt8>) -> [Element]? {
        var rest = bytes
        var out: [Element] = []
        while !rest.isEmpty {
            guard let (element, next) = read(rest) else { return nil }
            out.append(element)
            rest = next
        }
        return out
    }

    private static func encode(_ tag: UInt8, _ content: [UInt8]) -> [UInt8] {
        var out = [tag]
        if content.count < 0x80 {
            out.append(UInt8(content.count))
        } else if content.count <= 0xFF {
            out += [0x81, UInt8(content.count)]
        } else {
            out += [0x82, UInt8(content.count >> 8), UInt8(content.count & 0xFF)]
        }
        return out + content
    }

    /// The OID `oid` with `subidentifier` appended, in BER content form.
    private static func child(of oid: ArraySlice<UInt8>, _ subidentifier: Int) -> [UInt8] {
        var tail: [UInt8] = [UInt8(subidentifier & 0x7F)]
        var rest = subidentifier >> 7
        while rest > 0 {
            tail.insert(UInt8(rest & 0x7F) | 0x80, at: 0)
            rest >>= 7
        }
        return Array(oid) + tail
    }

    /// The answer to one request, or nil for anything that is not a v2c GET, GETNEXT or GETBULK.
    static func reply(to packet: [UInt8]) -> [UInt8]? {
        guard let (message, _) = read(packet[...]), message.tag == 0x30,
              let parts = elements(message.content), parts.count == 3,
              parts[0].tag == 0x02, parts[1].tag == 0x04,
              [0xA0, 0xA1, 0xA5].contains(parts[2].tag),
              let fields = elements(parts[2].content), fields.count == 4,
              let binds = elements(fields[3].content) else { return nil }
        let oids = binds.compactMap { bind in elements(bind.content)?.first.map(\.content) }
        var answers: [[UInt8]] = []
        let one = encode(0x02, [0x01])
        switch parts[2].tag {
        case 0xA0:
            answers = oids.map { encode(0x30, encode(0x06, Array($0)) + one) }
        case 0xA1:
            answers = oids.map { encode(0x30, encode(0x06, child(of: $0, 1)) + one) }
        default:
            // GETBULK: up to five rows per column, each one level under the OID asked for.
            for row in 1...5 {
                for oid in oids where oid.count < 120 {
                    answers.append(encode(0x30, encode(0x06, child(of: oid, row)) + one))
                }
            }
        }
        let zero = encode(0x02, [0x00])
        let pdu = encode(0xA2, encode(0x02, Array(fields[0].content)) + zero + zero + encode(0x30, answers.flatMap { $0 }))
        return encode(0x30, encode(0x02, Array(parts[0].content)) + encode(0x04, Array(parts[1].content)) + pdu)
    }
}

extension Duration {
    var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
