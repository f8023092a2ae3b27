import KiemkeCore
import Testing

@Suite("Port: the one home of the 1-65535 range")
struct PortTests {
    @Test("parses what people type, refuses the rest", arguments: [
        ("161", UInt16?(161)), (" 8080 ", 8080), ("65535", 65535), ("1", 1),
        ("0", nil), ("65536", nil), ("-1", nil), ("", nil), ("80a", nil), ("１６１", nil), ("99999999999999999999", nil),
    ])
    func parsing(text: String, expected: UInt16?) {
        #expect(Port(parsing: text)?.rawValue == expected)
    }

    @Test("integers outside the range are not ports", arguments: [(0, false), (1, true), (65_535, true), (65_536, false), (-5, false)])
    func integers(value: Int, valid: Bool) {
        #expect((Port(value) != nil) == valid)
    }
}

@Suite("SNMPVersion: one version type for the list, the config, the store and the probes")
struct SNMPVersionTests {
    @Test("parses the forms people write", arguments: [
        ("1", SNMPVersion?.some(.v1)), ("v1", .v1), ("2", .v2c), ("2c", .v2c), ("V2C", .v2c), (" 3 ", .v3), ("v3", .v3),
        ("4", nil), ("", nil), ("2d", nil),
    ])
    func parsing(text: String, expected: SNMPVersion?) {
        #expect(SNMPVersion(parsing: text) == expected)
    }

    @Test("raw values are what the database holds")
    func rawValues() {
        #expect(SNMPVersion.allCases.map(\.rawValue) == ["1", "2c", "3"])
    }
}
