import KiemkeCore
/// Echo requests built and ICMP packets parsed, as bytes.
enum ICMPPacket {
    static let payloadSize = 56
    private static let echoRequestV4: UInt8 = 8
    private static let echoReplyV4: UInt8 = 0
    private static let echoRequestV6: UInt8 = 128
    private static let echoReplyV6: UInt8 = 129

    /// An echo request with our identifier and sequence; the checksum is filled for IPv4
    /// (the kernel computes ICMPv6 checksums, and rewrites it on datagram sockets anyway).
    static func echoRequest(ipv4: Bool, identifier: UInt16, sequence: UInt16) -> [UInt8] {
        var packet = [UInt8](repeating: 0, count: 8 + payloadSize)
        packet[0] = ipv4 ? echoRequestV4 : echoRequestV6
        packet[4] = UInt8(identifier >> 8)
        packet[5] = UInt8(identifier & 0xff)
        packet[6] = UInt8(sequence >> 8)
        packet[7] = UInt8(sequence & 0xff)
        for index in 0..<payloadSize { packet[8 + index] = UInt8(truncatingIfNeeded: 0x20 + index) }
        if ipv4 {
            let sum = checksum(packet)
            packet[2] = UInt8(sum >> 8)
            packet[3] = UInt8(sum & 0xff)
        }
        return packet
    }

    /// The RFC 1071 Internet checksum.
    static func checksum(_ bytes: [UInt8]) -> UInt16 {
        var sum: UInt32 = 0
        var index = 0
        while index + 1 < bytes.count {
            sum += UInt32(bytes[index]) << 8 | UInt32(bytes[index + 1])
            index += 2
        }
        if index < bytes.count { sum += UInt32(bytes[index]) << 8 }
        while sum >> 16 != 0 { sum = (sum & 0xffff) + (sum >> 16) }
        return ~UInt16(sum)
    }

    /// Our reply or an error quoting our request, or nil for anyone else's packet.
    ///
    /// Raw IPv4 packets start with the IP header; raw IPv6 and datagram packets with ICMP.
    static func parse(_ packet: UnsafeRawBufferPointer, from source: IPAddress?, ipv4: Bool, raw: Bool,
                      identifier: UInt16, receivedAt: UInt64) -> ICMPSocket.Event? {
        var offset = 0
        if ipv4 && raw {
            guard packet.count >= 20 else { return nil }
            offset = Int(packet[0] & 0x0f) * 4
        }
        guard packet.count >= offset + 8 else { return nil }
        let type = packet[offset]
        let code = packet[offset + 1]
        if type == (ipv4 ? echoReplyV4 : echoReplyV6) {
            // The kernel rewrites the identifier on datagram sockets and only delivers ours.
            guard let source, !raw || word(packet, offset + 4) == identifier else { return nil }
            return .reply(source: source, sequence: word(packet, offset + 6), receivedAt: receivedAt)
        }
        guard raw, let reason = errorReason(ipv4: ipv4, type: type, code: code) else { return nil }
        // The error quotes the IP header of our request, then its first 8 ICMP bytes.
        let quoted = offset + 8
        let destination: IPAddress
        let inner: Int
        if ipv4 {
            guard packet.count >= quoted + 20 else { return nil }
            inner = quoted + Int(packet[quoted] & 0x0f) * 4
            destination = .v4(UInt32(word(packet, quoted + 16)) << 16 | UInt32(word(packet, quoted + 18)))
        } else {
            guard packet.count >= quoted + 40 else { return nil }
            inner = quoted + 40
            var high: UInt64 = 0
            var low: UInt64 = 0
            for index in 0..<8 { high = high << 8 | UInt64(packet[quoted + 24 + index]) }
            for index in 0..<8 { low = low << 8 | UInt64(packet[quoted + 32 + index]) }
            destination = .v6(high: high, low: low)
        }
        guard packet.count >= inner + 8, packet[inner] == (ipv4 ? echoRequestV4 : echoRequestV6),
              word(packet, inner + 4) == identifier else { return nil }
        return .error(destination: destination, sequence: word(packet, inner + 6), reason: reason)
    }

    /// The sequence of our echo request quoted in an error-queue message (it starts with the ICMP header).
    static func quotedSequence(_ packet: UnsafeRawBufferPointer, ipv4: Bool) -> UInt16? {
        guard packet.count >= 8, packet[0] == (ipv4 ? echoRequestV4 : echoRequestV6) else { return nil }
        return word(packet, 6)
    }

    /// The reason a result gives for an ICMP error, or nil when the type is not an error we track.
    static func errorReason(ipv4: Bool, type: UInt8, code: UInt8) -> String? {
        if ipv4 {
            switch (type, code) {
            case (3, 0), (3, 6): return "no route"
            case (3, 1), (3, 7): return "host unreachable"
            case (3, 9), (3, 10), (3, 13): return "prohibited"
            case (3, _): return "unreachable (code \(code))"
            case (11, _): return "TTL exceeded"
            default: return nil
            }
        }
        switch (type, code) {
        case (1, 0): return "no route"
        case (1, 3): return "host unreachable"
        case (1, 1), (1, 5), (1, 6): return "prohibited"
        case (1, _): return "unreachable (code \(code))"
        case (3, _): return "hop limit exceeded"
        default: return nil
        }
    }

    private static func word(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
    }
}
