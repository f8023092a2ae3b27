import KiemkeCore
import Probes

/// One range as typed: an address, a CIDR block (network and broadcast addresses left out) or FIRST-LAST.
public struct SweepRange: Sendable, Hashable, CustomStringConvertible {
    /// The text as typed, for messages.
    public let text: String
    /// The addresses to probe, in order.
    public let addresses: [IPAddress]

    /// The most addresses one dash range may hold: a /16's worth, like `IPNetwork`.
    static let maximumDashCount = IPNetwork.maximumHostCount

    /// Parses `text`; throws `.malformedRange` naming the problem.
    public init(_ text: String) throws(DiscoveryError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        self.text = trimmed
        guard !trimmed.isEmpty else { throw .malformedRange(text, reason: "it is empty") }
        if trimmed.contains("-") {
            addresses = try Self.dashRange(trimmed)
        } else {
            do {
                addresses = try IPNetwork(trimmed).hosts
            } catch {
                throw .malformedRange(trimmed, reason: "\(error)")
            }
        }
    }

    public var description: String { text }

    /// `FIRST-LAST` or `FIRST-N` (last octet): IPv4 only. An address ending in .0 or .255 is left out,
    /// since without a prefix it may be a network's own or broadcast address, which no device answers as.
    private static func dashRange(_ text: String) throws(DiscoveryError) -> [IPAddress] {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, case .v4(let first)? = IPAddress(parts[0]) else {
            throw .malformedRange(text, reason: "FIRST-LAST needs two IPv4 addresses")
        }
        let last: UInt32
        if case .v4(let value)? = IPAddress(parts[1]) {
            last = value
        } else if let octet = UInt32(parts[1]), octet <= 255, parts[1].allSatisfy(\.isASCII) {
            last = (first & 0xFFFF_FF00) | octet
        } else {
            throw .malformedRange(text, reason: "\"\(parts[1])\" is neither an IPv4 address nor a last number 0-255")
        }
        guard last >= first else { throw .malformedRange(text, reason: "the last address comes before the first") }
        guard UInt64(last - first) < UInt64(maximumDashCount) else {
            throw .malformedRange(text, reason: "it holds more than \(maximumDashCount) addresses")
        }
        return (first...last).filter { ($0 & 0xFF) != 0 && ($0 & 0xFF) != 255 }.map { .v4($0) }
    }

    /// Every address of `ranges`, each once, in the order given.
    public static func addresses(of ranges: [SweepRange]) -> [IPAddress] {
        var seen = Set<IPAddress>()
        return ranges.flatMap(\.addresses).filter { seen.insert($0).inserted }
    }
}
