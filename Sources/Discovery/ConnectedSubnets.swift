import Glibc
import KiemkeCore

/// The IPv4 subnets this host is connected to (loopback and link-local left out), as CIDR text,
/// for `kiemke discover` with no range to offer.
public enum ConnectedSubnets {
    /// "192.168.1.0/24" for each up interface address with a prefix of /16 or longer.
    public static func list() -> [String] {
        var head: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&head) == 0, let first = head else { return [] }
        defer { freeifaddrs(head) }
        var result: [String] = []
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            guard let address = entry.pointee.ifa_addr, let mask = entry.pointee.ifa_netmask,
                  address.pointee.sa_family == sa_family_t(AF_INET),
                  entry.pointee.ifa_flags & UInt32(IFF_UP) != 0, entry.pointee.ifa_flags & UInt32(IFF_LOOPBACK) == 0 else { continue }
            let ip = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt32(bigEndian: $0.pointee.sin_addr.s_addr) }
            let bits = mask.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt32(bigEndian: $0.pointee.sin_addr.s_addr) }
            let prefix = bits.nonzeroBitCount
            // Link-local (169.254/16) is no office's network; a prefix under /16 is too big to offer.
            guard ip & 0xFFFF_0000 != 0xA9FE_0000, (16...30).contains(prefix) else { continue }
            let text = "\(IPAddress.v4(ip & bits))/\(prefix)"
            if !result.contains(text) { result.append(text) }
        }
        return result
    }
}
