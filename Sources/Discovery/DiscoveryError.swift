/// Why a sweep cannot start, in words the person who typed the range can act on.
public enum DiscoveryError: Error, Equatable, CustomStringConvertible {
    /// A range that is neither an address, a CIDR block nor FIRST-LAST.
    case malformedRange(String, reason: String)
    /// More addresses than the cap without `--yes`.
    case overCap(count: Int, cap: Int)
    /// Nothing to sweep: no range given and no connected subnet found.
    case nothingToSweep

    public var description: String {
        switch self {
        case let .malformedRange(text, reason):
            "range \"\(text)\" is not valid: \(reason) (write 192.168.1.0/24, 192.168.1.10-192.168.1.50, 192.168.1.10-50 or one address)"
        case let .overCap(count, cap):
            "the ranges hold \(count) addresses, more than the \(cap) a sweep may probe without --yes; add --yes to sweep them all (at the configured rate), or give smaller ranges"
        case .nothingToSweep:
            "no range to sweep: give one (e.g. 192.168.1.0/24)"
        }
    }
}
