import Agent
import Foundation
import KiemkeCore
@testable import Probes
import Testing

@Suite("probe's text report given hostile device strings")
struct ProbeReportEscapingTests {
    @Test("sysName, serial, supply names and conditions reach the terminal escaped")
    func escaped() throws {
        let hostile = "\u{1B}[2J\u{1B}]52;c;ZXZpbA==\u{07}\u{1B}]0;x\u{07}\u{9B}1m"
        var system = SystemGroup()
        system.name = "PRINTER" + hostile
        let facts = DeviceFacts(address: "127.0.0.1",
                                classification: Classification(kind: .printer, vendor: "V" + hostile, model: nil, confidence: 1, reason: "r" + hostile),
                                system: system, serial: "SN" + hostile, conditions: ["jammed" + hostile],
                                supplies: [PrinterSupply(name: "Toner" + hostile, type: "toner", color: nil, levelPct: 5, levelState: nil, level: 5, maxCapacity: 100)],
                                notes: ["walk incomplete" + hostile])
        let result = DeviceProbeResult(target: ProbeTarget(address: try #require(IPAddress("127.0.0.1")), kind: .printer),
                                       answeredBy: [.snmp], tcpPort: nil, rttMs: 1, failures: [.icmp: "timeout" + hostile],
                                       ping: nil, tcp: nil, facts: facts)
        let text = ProbeReport(result: result).text()
        #expect(!text.unicodeScalars.contains { $0 != "\n" && ($0.value < 0x20 || (0x7F...0x9F).contains($0.value)) }, "\(text.debugDescription)")
        #expect(text.contains("PRINTER\\x1B[2J"), "\(text)")
        #expect(text.contains("Toner\\x1B[2J"))
        #expect(try ProbeReport(result: result).json().contains("\\u001b"), "JSON keeps its own escaping")
    }
}
