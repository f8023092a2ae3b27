import Agent
import Foundation
import Inventory
import KiemkeCore
@testable import Probes
import Testing

@Suite("probe's text report in English and in Vietnamese")
struct ProbeReportLanguageTests {
    static func result() throws -> DeviceProbeResult {
        var system = SystemGroup()
        system.name = "MAY-IN-01"
        let facts = DeviceFacts(address: "127.0.0.1",
                                classification: Classification(kind: .printer, vendor: "Brother", model: "HL-L2321D", confidence: 0.9,
                                                               reason: "Printer-MIB answers", reasons: ["Printer-MIB answers"]),
                                system: system, serial: nil, conditions: ["jammed", "lowToner"],
                                supplies: [PrinterSupply(name: "Toner", type: "toner", color: nil, levelPct: 5, levelState: nil, level: 5, maxCapacity: 100)],
                                notes: ["reading 127.0.0.1 took the whole read deadline of 10 s (probe.read_deadline): the rest was not read"])
        return DeviceProbeResult(target: ProbeTarget(address: try #require(IPAddress("127.0.0.1")), kind: .printer),
                                 answeredBy: [.icmp, .snmp], tcpPort: nil, rttMs: 1.5, failures: [:], ping: nil, tcp: nil, facts: facts)
    }

    @Test("English keeps its columns (scripts grep them)")
    func english() throws {
        let text = ProbeReport(result: try Self.result()).text()
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "127.0.0.1: up (answered icmp,snmp), 1.50 ms")
        #expect(lines.contains("  kind:       printer (confidence 0.90)"))
        #expect(lines.contains("  serial:     unknown"))
        #expect(lines.contains("  evidence:   Printer-MIB answers"))
        #expect(lines.contains("  supply:     Toner: 5%"))
        #expect(lines.contains("  conditions: jammed, lowToner"))
        #expect(text == ProbeReport(result: try Self.result()).text(language: .en))
    }

    @Test("Vietnamese: labels, states, printer conditions and kiemke's notes; the device's own words kept")
    func vietnamese() throws {
        let text = ProbeReport(result: try Self.result()).text(language: .vi)
        #expect(text.hasPrefix("127.0.0.1: hoạt động (trả lời qua icmp,snmp)"), "\(text)")
        for word in ["loại:", "Máy in", "hãng:", "Brother", "số sê-ri:", "không rõ", "vật tư:", "Toner: 5%", "báo lỗi:", "ghi chú:",
                     "hết hạn đọc 10 giây", "MAY-IN-01"] {
            #expect(text.contains(word), "no \(word) in:\n\(text)")
        }
        for english in ["unknown", "confidence", "kind:", "supply:", "jammed", "the rest was not read"] {
            #expect(!text.contains(english), "\(english) left in:\n\(text)")
        }
    }

    @Test("a failed SNMP read is said in Vietnamese")
    func snmpFailure() throws {
        var result = try Self.result()
        result.failures = [.snmp: SNMPError.timeout(address: "127.0.0.1", seconds: 3).description]
        let text = ProbeReport(result: result).text(language: .vi)
        #expect(text.contains("snmp: 127.0.0.1 không trả lời SNMP trong 3 giây"), "\(text)")
    }
}
