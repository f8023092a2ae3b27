import Foundation
@testable import Probes
import Testing
import TestSupport
import KiemkeCore

/// A v3 read's facts carry the agent's authoritative engine ID (identity evidence the daemon records),
/// learned by the session's engine discovery; v1/v2c reads carry none.
@Suite(.enabled(if: SNMPDaemon.unavailableReason == nil, "snmpd unavailable"))
struct SNMPv3EngineIDTests {
    static let engine = try! SNMPEngine(concurrency: 16)
    static let snmpEngineID: OID = "1.3.6.1.6.3.10.2.1.1.0"

    @Test("a v3 read's facts carry the engine ID snmpEngineID.0 names; a v2c read's carry none")
    func factsCarryEngineID() async throws {
        let port = try await SNMPDaemon.shared.port()
        let v3 = SNMPSettings.v3(.init(user: "kiemke-sha-aes", level: .authPriv, authProtocol: .sha, authPassphrase: "auth-pass-sha",
                                       privProtocol: .aes, privPassphrase: "priv-pass-aes"), port: port, timeout: 1, retries: 1)
        let reader = DeviceReader(engine: Self.engine)
        let facts = try await reader.read("127.0.0.1", settings: v3).get()
        let bound = try await Self.engine.get([Self.snmpEngineID], from: "127.0.0.1", settings: v3)
        let expected = try #require(bound.first?.value.bytes).map { String(format: "%02x", $0) }.joined()
        #expect(expected.count >= 10)
        #expect(facts.engineID == expected)
        // It survives the facts' JSON (what `--format json` and the spill write).
        let decoded = try JSONDecoder().decode(DeviceFacts.self, from: JSONEncoder().encode(facts))
        #expect(decoded.engineID == expected)

        let v2c = SNMPSettings(version: .v2c, community: "public", port: port, timeout: 1, retries: 1)
        let plain = try await reader.read("127.0.0.1", settings: v2c).get()
        #expect(plain.engineID == nil)
        #expect(!String(decoding: try JSONEncoder().encode(plain), as: UTF8.self).contains("engine_id"), "v2c facts keep their shape")
    }

    @Test("engine IDs become lowercase hex; lengths outside RFC 3411's 5-32 octets are not evidence",
          arguments: [([UInt8](), nil), ([0x80, 0x00, 0x1f, 0x88], nil), ([0x80, 0x00, 0x1F, 0x88, 0x80], "80001f8880"),
                      ([UInt8](repeating: 0xab, count: 32), String(repeating: "ab", count: 32)),
                      ([UInt8](repeating: 0xab, count: 33), nil)] as [([UInt8], String?)])
    func engineIDText(bytes: [UInt8], expected: String?) {
        #expect(DeviceFactsBuilder.engineIDText(bytes) == expected)
    }
}
