/// Consecutive IPv4 addresses from a first one, for numbering benchmark devices.
struct IPv4Range: Sendable {
    let first: UInt32

    /// Parses a dotted quad such as "198.18.16.1".
    init(_ text: String) throws(BenchError) {
        let parts = text.split(separator: ".").compactMap { UInt32($0) }
        guard parts.count == 4, parts.allSatisfy({ $0 < 256 }) else { throw .badAddress(text) }
        first = parts.reduce(0) { $0 << 8 | $1 }
    }

    /// The address `offset` places after the first, as text.
    func address(_ offset: Int) -> String {
        let value = first &+ UInt32(offset)
        return [24, 16, 8, 0].map { String((value >> UInt32($0)) & 0xFF) }.joined(separator: ".")
    }
}
