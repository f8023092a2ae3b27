import KiemkeCore
@testable import Probes
import Testing

/// The caps a read keeps to, as pure functions.
@Suite("Read limits: strings, facts size, deadline pacing")
struct ReadLimitsTests {
    @Test("Strings are cut at the byte limit, never inside a UTF-8 character", arguments: [
        ("abcdef", 4, "abcd"), ("Phòng", 3, "Ph"), ("Phòng", 4, "Phò"), ("ab", 4, "ab"), ("đđđ", 5, "đđ"),
    ])
    func cut(text: String, limit: Int, expected: String) {
        let (value, _) = SNMPValue.octets(Array(text.utf8)).cut(to: limit)
        #expect(value.text == expected)
    }

    @Test("10,000 interfaces and storage rows are cut to 64 KB of facts, with a note saying what was dropped")
    func factsSize() throws {
        var facts = DeviceFacts(address: "127.0.0.1")
        facts.interfaces = (1...10_000).map { NetworkInterface(index: UInt($0), name: "port \($0)", operStatus: "up", speedMbps: 1_000, mac: nil) }
        facts.storage = (1...10_000).map { StorageArea(name: "disk \($0)", type: "fixed_disk", isDisk: true, sizeBytes: 1, usedBytes: 1, usedPct: 100) }
        let fitted = FactsSizeLimit.fit(facts, maxBytes: 65_536)
        #expect(try #require(FactsSizeLimit.encodedSize(fitted)) <= 65_536)
        #expect(fitted.interfaces.count > 0)
        #expect(fitted.notes.last?.contains("interfaces") == true)
        #expect(FactsSizeLimit.fit(DeviceFacts(address: "x"), maxBytes: 65_536) == DeviceFacts(address: "x"))
    }

    @Test("The water level cuts the largest lists first", arguments: [
        ([100, 10, 1_000], 1_110, 1_000), ([100, 10, 1_000], 410, 300), ([100, 10, 1_000], 30, 10), ([], 50, 0),
    ] as [([Int], Int, Int)])
    func waterLevel(sizes: [Int], allowed: Int, level: Int) {
        #expect(FactsSizeLimit.waterLevel(sizes, allowed: allowed) == level)
    }

    @Test("A request is paced to end by the deadline", arguments: [
        (1.0, 2, 10.0, 1.0, 2), (1.0, 2, 2.4, 0.8, 2), (1.0, 2, 0.4, 0.2, 1), (1.0, 2, 0.1, 0.1, 0),
        (5.0, 1, 9.0, 4.5, 1), (2.0, Int.max, 3.0, 0.2, 14),
    ] as [(Double, Int, Double, Double, Int)])
    func fit(timeout: Double, retries: Int, remaining: Double, expectedTimeout: Double, expectedRetries: Int) {
        let fitted = SNMPSession.fit(SNMPRequest.Pacing(timeout: timeout, retries: retries), within: remaining)
        #expect(abs(fitted.timeout - expectedTimeout) < 1e-9)
        #expect(fitted.retries == expectedRetries)
    }

    @Test("Settings no session can use are refused, not trapped on", arguments: [
        Double.nan, .infinity, -1, 0, 1e13,
    ])
    func invalidTimeout(timeout: Double) {
        #expect(NetSNMPSessionFactory.validate(SNMPSettings(timeout: timeout)) != nil)
        #expect(NetSNMPSessionFactory.microseconds(timeout) >= 1)
    }
}
