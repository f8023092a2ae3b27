import Glibc

/// An IPv4 or IPv6 address, parsed strictly (no host names, no shorthand like `10.1`).
///
/// IPv4 is held in host byte order, IPv6 as two big-endian halves, so that ordering and
/// arithmetic (network expansion) work on plain integers.
public enum IPAddress: Hashable, Sendable, CustomStringConvertible, Comparable, Codable {
    case v4(UInt32)
    case v6(high: UInt64, low: UInt64)

    /// Parses dotted-quad IPv4 or RFC 4291 IPv6 text; nil for anything else (names, ports, scopes).
    public init?(_ text: String) {
        // inet_pton is strict: it rejects `1.2.3`, leading zeros, trailing garbage and `%scope`.
        var v4 = in_addr()
        if text.utf8.count <= 15, inet_pton(AF_INET, text, &v4) == 1 {
            self = .v4(UInt32(bigEndian: v4.s_addr))
            return
        }
        var v6 = in6_addr()
        if text.utf8.count <= 45, inet_pton(AF_INET6, text, &v6) == 1 {
            self.init(in6: v6)
            return
        }
        return nil
    }

    /// Whether this is an IPv4 address.
    public var isIPv4: Bool {
        if case .v4 = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .v4(let value):
            return "\(value >> 24).\((value >> 16) & 0xff).\((value >> 8) & 0xff).\(value & 0xff)"
        case .v6:
            var address = in6
            var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
            guard inet_ntop(AF_INET6, &address, &buffer, socklen_t(buffer.count)) != nil else { return "::?" }
            return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    public static func < (lhs: IPAddress, rhs: IPAddress) -> Bool {
        switch (lhs, rhs) {
        case let (.v4(a), .v4(b)): return a < b
        case (.v4, .v6): return true
        case (.v6, .v4): return false
        case let (.v6(ah, al), .v6(bh, bl)): return (ah, al) < (bh, bl)
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let address = IPAddress(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "not an IP address: \(text)"))
        }
        self = address
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
