import Discovery
import KiemkeCore
import Testing

/// Ranges as typed: CIDR blocks without their network and broadcast addresses, dash ranges, refusals.
@Suite("Sweep ranges: what is swept, what is refused")
struct SweepRangeTests {
    @Test("the addresses a range holds", arguments: [
        ("192.168.1.0/24", 254, "192.168.1.1", "192.168.1.254"),
        ("192.168.1.0/30", 2, "192.168.1.1", "192.168.1.2"),
        ("10.0.0.7", 1, "10.0.0.7", "10.0.0.7"),
        ("192.168.1.10-192.168.1.20", 11, "192.168.1.10", "192.168.1.20"),
        ("192.168.1.250-5", 0, "", ""),
        ("192.168.1.10-50", 41, "192.168.1.10", "192.168.1.50"),
        ("192.168.1.250-192.168.2.5", 10, "192.168.1.250", "192.168.2.5"),
        ("10.1.0.0/16", 65_534, "10.1.0.1", "10.1.255.254"),
    ])
    func holds(_ text: String, _ count: Int, _ first: String, _ last: String) throws {
        if count == 0 {
            #expect(throws: DiscoveryError.self) { try SweepRange(text) }
            return
        }
        let range = try SweepRange(text)
        #expect(range.addresses.count == count)
        #expect(range.addresses.first?.description == first)
        #expect(range.addresses.last?.description == last)
        // Never a network or broadcast address of a /24 boundary in a dash range.
        if text.contains("-") {
            #expect(!range.addresses.contains { $0.description.hasSuffix(".0") || $0.description.hasSuffix(".255") })
        }
    }

    @Test("malformed ranges are refused naming the range", arguments: [
        "192.168.1.0/33", "192.168.1", "hello", "192.168.1.20-192.168.1.10", "192.168.1.1-300", "10.0.0.0/8", "", "1.2.3.4-5.6.7.8",
    ])
    func refused(_ text: String) {
        #expect(throws: DiscoveryError.self) { try SweepRange(text) }
    }

    @Test("ranges given twice are swept once, in order")
    func overlap() throws {
        let addresses = SweepRange.addresses(of: [try SweepRange("10.0.0.0/30"), try SweepRange("10.0.0.1-3")])
        #expect(addresses.map(\.description) == ["10.0.0.1", "10.0.0.2", "10.0.0.3"])
    }
}
