import Glibc
import KiemkeCore

/// Scratch memory for `recvmsg(2)`: packet data, ancillary data and the peer address.
///
/// Allocated once per drain rather than per packet; `deallocate()` must be called.
struct MessageBuffers {
    let data = UnsafeMutableRawBufferPointer.allocate(byteCount: 4096, alignment: 8)
    let control = UnsafeMutableRawBufferPointer.allocate(byteCount: 512, alignment: 8)
    private(set) var controlLength = 0

    func deallocate() {
        data.deallocate()
        control.deallocate()
    }

    /// One `recvmsg` without blocking: the byte count and the peer, or nil when nothing is waiting.
    mutating func receive(_ descriptor: Int32, flags: Int32) -> (Int, IPAddress?)? {
        var name = sockaddr_storage()
        var vector = iovec(iov_base: data.baseAddress, iov_len: data.count)
        let received: Int? = withUnsafeMutablePointer(to: &name) { namePointer in
            withUnsafeMutablePointer(to: &vector) { vectorPointer in
                var header = msghdr()
                header.msg_name = UnsafeMutableRawPointer(namePointer)
                header.msg_namelen = socklen_t(MemoryLayout<sockaddr_storage>.size)
                header.msg_iov = vectorPointer
                header.msg_iovlen = 1
                header.msg_control = control.baseAddress
                header.msg_controllen = control.count
                // Nothing waiting (EAGAIN) and any other failure alike end the drain.
                let count = try? SystemCall.run("recvmsg") { recvmsg(descriptor, &header, flags | Int32(MSG_DONTWAIT)) }
                controlLength = count == nil ? 0 : Int(header.msg_controllen)
                return count
            }
        }
        guard let received else { return nil }
        return (min(received, data.count), IPAddress(storage: name))
    }

    /// The reason in the `sock_extended_err` of the last error-queue read, if it came from an ICMP error.
    func extendedErrorReason(ipv4: Bool) -> String? {
        let level = ipv4 ? Int32(IPPROTO_IP) : Int32(IPPROTO_IPV6)
        let type = ipv4 ? IP_RECVERR : IPV6_RECVERR
        let headerSize = MemoryLayout<cmsghdr>.size
        var offset = 0
        while offset + headerSize <= controlLength {
            let header = control.load(fromByteOffset: offset, as: cmsghdr.self)
            let length = Int(header.cmsg_len)
            guard length >= headerSize, offset + length <= controlLength else { return nil }
            // struct sock_extended_err { u32 ee_errno; u8 ee_origin, ee_type, ee_code, ee_pad; ... }
            if header.cmsg_level == level, header.cmsg_type == type, length >= headerSize + 8 {
                let origin = control[offset + headerSize + 4]
                let icmpType = control[offset + headerSize + 5]
                let icmpCode = control[offset + headerSize + 6]
                let errorNumber = control.load(fromByteOffset: offset + headerSize, as: UInt32.self)
                // Origin 2 is SO_EE_ORIGIN_ICMP, 3 SO_EE_ORIGIN_ICMP6; anything else is a local error.
                if origin == 2 || origin == 3 {
                    return ICMPPacket.errorReason(ipv4: ipv4, type: icmpType, code: icmpCode)
                }
                return SocketErrno.reason(Int32(bitPattern: errorNumber))
            }
            offset += (length + 7) & ~7
        }
        return nil
    }
}
