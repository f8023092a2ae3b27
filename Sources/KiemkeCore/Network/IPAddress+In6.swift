import Glibc

/// Conversions between `IPAddress` and `in6_addr`, which parsing and printing IPv6 need
/// (`package`: the probes' socket code uses them too).
extension IPAddress {
    package init(in6 address: in6_addr) {
        var high: UInt64 = 0
        var low: UInt64 = 0
        withUnsafeBytes(of: address) { bytes in
            for index in 0..<8 { high = high << 8 | UInt64(bytes[index]) }
            for index in 8..<16 { low = low << 8 | UInt64(bytes[index]) }
        }
        self = .v6(high: high, low: low)
    }

    package var in6: in6_addr {
        guard case let .v6(high, low) = self else { return in6_addr() }
        var address = in6_addr()
        withUnsafeMutableBytes(of: &address) { bytes in
            for index in 0..<8 { bytes[index] = UInt8(truncatingIfNeeded: high >> (56 - 8 * UInt64(index))) }
            for index in 0..<8 { bytes[8 + index] = UInt8(truncatingIfNeeded: low >> (56 - 8 * UInt64(index))) }
        }
        return address
    }
}
