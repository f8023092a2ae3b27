import Glibc
import KiemkeCore

/// One ICMP socket for one address family: opens it, sends echo requests, reads what comes back.
///
/// A plain value around a descriptor: the `Pinger` that owns it closes it once, in `deinit`.
struct ICMPSocket: Sendable {
    /// Something the socket received that concerns one of our echo requests.
    enum Event {
        /// An echo reply from `source` to our request `sequence`, read at `receivedAt` (monotonic ns).
        case reply(source: IPAddress, sequence: UInt16, receivedAt: UInt64)
        /// An ICMP error (unreachable, time exceeded) about our request `sequence` to `destination`.
        case error(destination: IPAddress, sequence: UInt16, reason: String)
    }

    let descriptor: Int32
    let isIPv4: Bool
    let kind: PingSocketKind
    /// Our echo identifier on raw sockets; datagram sockets get theirs from the kernel.
    let identifier: UInt16

    /// Opens a socket of `kind`, or returns the failed call and the errno that refused it.
    static func open(ipv4: Bool, kind: PingSocketKind, receiveBuffer: Int) -> Result<ICMPSocket, SystemCallError> {
        let family = ipv4 ? AF_INET : AF_INET6
        let type = Int32(kind == .raw ? SOCK_RAW.rawValue : SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        let proto = Int32(ipv4 ? IPPROTO_ICMP : IPPROTO_ICMPV6)
        let descriptor: Int32
        do throws(SystemCallError) {
            descriptor = try SystemCall.run("socket") { Glibc.socket(family, type, proto) }
        } catch {
            return .failure(error)
        }
        let socket = ICMPSocket(descriptor: descriptor, isIPv4: ipv4, kind: kind,
                                identifier: UInt16.random(in: 1...UInt16.max))
        socket.setReceiveBuffer(receiveBuffer)
        socket.configure()
        return .success(socket)
    }

    func close() { _ = Glibc.close(descriptor) }

    private func setReceiveBuffer(_ bytes: Int) {
        var value = Int32(clamping: bytes)
        let size = socklen_t(MemoryLayout<Int32>.size)
        // SO_RCVBUFFORCE passes rmem_max but needs CAP_NET_ADMIN; otherwise take what rmem_max allows.
        do throws(SystemCallError) {
            try SystemCall.run("setsockopt") { setsockopt(descriptor, SOL_SOCKET, SO_RCVBUFFORCE, &value, size) }
        } catch {
            _ = try? SystemCall.run("setsockopt") { setsockopt(descriptor, SOL_SOCKET, SO_RCVBUF, &value, size) }
        }
    }

    private func configure() {
        switch (kind, isIPv4) {
        case (.raw, true):
            // A raw socket gets every ICMP packet on the host, our own requests too on loopback:
            // let through only replies and the errors that quote our requests.
            var blocked = ~UInt32((1 << 0) | (1 << 3) | (1 << 11))
            _ = setsockopt(descriptor, Self.solRaw, Self.icmpFilter, &blocked, socklen_t(MemoryLayout<UInt32>.size))
        case (.raw, false):
            var filter = [UInt32](repeating: ~0, count: 8)
            for type in [129, 1, 3] { filter[type >> 5] &= ~(UInt32(1) << UInt32(type & 31)) }
            _ = setsockopt(descriptor, Int32(IPPROTO_ICMPV6), Self.icmp6Filter, &filter, socklen_t(32))
        case (.datagram, let ipv4):
            // Datagram sockets hear of unreachables only through the error queue.
            var on: Int32 = 1
            _ = setsockopt(descriptor, ipv4 ? Int32(IPPROTO_IP) : Int32(IPPROTO_IPV6),
                           ipv4 ? IP_RECVERR : IPV6_RECVERR, &on, socklen_t(MemoryLayout<Int32>.size))
        }
    }

    /// Sends one echo request; throws the failed `sendto` and its errno.
    func sendEcho(to target: IPAddress, sequence: UInt16) throws(SystemCallError) {
        let packet = ICMPPacket.echoRequest(ipv4: isIPv4, identifier: identifier, sequence: sequence)
        do throws(SystemCallError) {
            try send(packet, to: target)
        } catch where kind == .datagram && error.code != EAGAIN && error.code != ENOBUFS {
            // An ICMP error queued for an earlier target fails the next send with its errno
            // (sock_error); that call cleared it, so a second send tells the real outcome.
            try send(packet, to: target)
        }
    }

    private func send(_ packet: [UInt8], to target: IPAddress) throws(SystemCallError) {
        // errno is read inside the closures, right after sendto; the outcome leaves them as a value.
        let sent: Result<Int, SystemCallError> = packet.withUnsafeBytes { bytes in
            target.withSockaddr { address, length in
                Result { () throws(SystemCallError) in
                    try SystemCall.run("sendto") {
                        sendto(descriptor, bytes.baseAddress, bytes.count, Int32(MSG_DONTWAIT), address, length)
                    }
                }
            }
        }
        _ = try sent.get()
    }

    /// Reads everything waiting on the socket (and its error queue) and reports our packets.
    func drain(_ handle: (Event) -> Void) {
        withMessageBuffers { buffers in
            while let (length, source) = buffers.receive(descriptor, flags: 0) {
                let now = MonotonicClock.now()
                let packet = UnsafeRawBufferPointer(rebasing: buffers.data[0..<length])
                if let event = ICMPPacket.parse(packet, from: source, ipv4: isIPv4, raw: kind == .raw,
                                                identifier: identifier, receivedAt: now) {
                    handle(event)
                }
            }
            guard kind == .datagram else { return }
            while let (length, destination) = buffers.receive(descriptor, flags: Int32(MSG_ERRQUEUE)) {
                let quoted = UnsafeRawBufferPointer(rebasing: buffers.data[0..<length])
                if let destination, let sequence = ICMPPacket.quotedSequence(quoted, ipv4: isIPv4),
                   let reason = buffers.extendedErrorReason(ipv4: isIPv4) {
                    handle(.error(destination: destination, sequence: sequence, reason: reason))
                }
            }
        }
    }

    private func withMessageBuffers(_ body: (inout MessageBuffers) -> Void) {
        var buffers = MessageBuffers()
        defer { buffers.deallocate() }
        body(&buffers)
    }

    static let solRaw: Int32 = 255
    static let icmpFilter: Int32 = 1
    static let icmp6Filter: Int32 = 1
}
