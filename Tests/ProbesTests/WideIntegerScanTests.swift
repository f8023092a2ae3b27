@testable import Probes
import Testing
import TestSupport

/// The raw-message reader that finds integers wider than their type (net-snmp would cut them to 32 bits).
@Suite("Wide integers are found in the raw message")
struct WideIntegerScanTests {
    typealias Value = HostileBER.Value

    static func message(_ values: [Value]) -> [UInt8] {
        HostileBER.response(version: 1, community: Array("public".utf8), requestID: 42,
                            binds: values.enumerated().map { ([1, 3, 6, 1, UInt($0.offset)], $0.element) })
    }

    @Test("Each value: too wide or not", arguments: [
        (Value.integer(0), false), (.integer(Int64(Int32.max)), false), (.integer(Int64(Int32.min)), false),
        (.integer(Int64(Int32.max) + 1), true), (.integer(Int64(Int32.min) - 1), true), (.integer(1 << 40), true),
        (.integerBytes([0x00, 0x00, 0x00, 0x00, 0x07]), false), (.integerBytes([]), true),
        (.integerBytes(Array(repeating: 0, count: 9)), true),
        (.counter32(UInt64(UInt32.max)), false), (.counter32(1 << 32), true), (.gauge32(5), false),
        (.timeTicks(1 << 33), true), (.raw(tag: 0x41, content: [0xFF]), true), (.raw(tag: 0x47, content: [0x01, 0, 0, 0, 0]), true),
        (.counter64(UInt64.max), false), (.raw(tag: 0x46, content: [0x01] + Array(repeating: 0, count: 8)), true),
        (.octets(Array(repeating: 0xFF, count: 10)), false), (.null, false), (.noSuchObject, false),
    ] as [(Value, Bool)])
    func value(_ value: Value, tooWide: Bool) {
        let outcome = WideIntegerScan.scan(Self.message([.integer(1), value, .text("x")]))
        #expect(outcome == .variables(count: 3, tooWide: tooWide ? [1] : []))
    }

    @Test("Long-form lengths are followed")
    func longLengths() {
        let outcome = WideIntegerScan.scan(Self.message([.octets(Array(repeating: 0x41, count: 70_000)), .integer(1 << 35)]))
        #expect(outcome == .variables(count: 2, tooWide: [1]))
    }

    @Test("Messages that cannot be followed are said so", arguments: [
        [UInt8](), [0x30], [0x30, 0x80, 0x00, 0x00], [0x30, 0x84, 0xFF, 0xFF, 0xFF, 0xFF], [0x02, 0x01, 0x00],
        [0x30, 0x03, 0x02, 0x01, 0x01], [0x30, 0x85, 0x01, 0x00, 0x00, 0x00, 0x00],
    ])
    func unreadable(bytes: [UInt8]) {
        #expect(WideIntegerScan.scan(bytes) == .unreadable)
    }

    @Test("An SNMPv3 message with an encrypted PDU is not looked into")
    func encrypted() {
        let v3 = HostileBER.tlv(0x30, Value.integer(3).encoded + HostileBER.tlv(0x30, Value.integer(1).encoded)
                                + HostileBER.tlv(0x04, [1, 2, 3]) + HostileBER.tlv(0x04, [0xAA, 0xBB]))
        #expect(WideIntegerScan.scan(v3) == .encrypted)
    }

    @Test("Random and mutated messages never trap")
    func fuzz() async {
        var generator = SystemRandomNumberGenerator()
        let good = Self.message([.integer(1 << 40), .text("hello"), .counter64(7), .oid([1, 3, 6, 1, 4, 1, 11])])
        for round in 0..<3_000 {
            // Let the suites that time real agents run between rounds: the test pool has two threads.
            if round % 100 == 0 { await Task.yield() }
            var bytes = good
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                bytes[index] = UInt8.random(in: 0...255, using: &generator)
            }
            if Bool.random(using: &generator) { bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &generator))) }
            _ = WideIntegerScan.scan(bytes)
            _ = WideIntegerScan.scan((0..<Int.random(in: 0...64, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) })
        }
    }
}
