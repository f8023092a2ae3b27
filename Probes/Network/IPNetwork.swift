import KiemkeCore
/// An address block in CIDR notation (`198.18.1.0/24`, `fd00::/120`), expanded to the hosts to probe.
public struct IPNetwork: Hashable, Sendable, CustomStringConvertible {
    /// The largest block `hosts` expands: a /16 of IPv4, a /112 of IPv6.
    public static let maximumHostCount = 65_536

    /// The first address of the block (host bits cleared).
    public let base: IPAddress
    /// The prefix length in bits.
    public let prefixLength: Int

    /// Parses `ADDRESS/PREFIX`, or a bare address as a single-host block.
    public init(_ text: String) throws(IPNetworkError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let address = IPAddress(String(parts[0])) else {
            throw .malformed(text)
        }
        let width = address.isIPv4 ? 32 : 128
        var length = width
        if parts.count == 2 {
            guard parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), let parsed = Int(parts[1]),
                  (0...width).contains(parsed) else { throw .malformed(text) }
            length = parsed
        }
        guard width - length <= 16 else { throw .tooLarge(text, maximum: Self.maximumHostCount) }
        prefixLength = length
        switch address {
        case .v4(let value):
            base = .v4(length == 0 ? 0 : value & ~UInt32(0) << UInt32(32 - length))
        case let .v6(high, low):
            // At most 16 host bits, all of them in the low half.
            base = .v6(high: high, low: low & ~UInt64(0) << UInt64(128 - length))
        }
    }

    /// The addresses to probe: for IPv4 blocks larger than /31 the network and broadcast
    /// addresses are left out, since no device answers as them.
    public var hosts: [IPAddress] {
        switch base {
        case .v4(let first):
            let count = UInt64(1) << UInt64(32 - prefixLength)
            if count <= 2 { return (0..<count).map { .v4(first + UInt32($0)) } }
            return (1..<count - 1).map { .v4(first + UInt32($0)) }
        case let .v6(high, low):
            let count = UInt64(1) << UInt64(128 - prefixLength)
            return (0..<count).map { .v6(high: high, low: low + $0) }
        }
    }

    public var description: String { "\(base)/\(prefixLength)" }
}
