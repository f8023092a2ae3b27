import Foundation
import Testing
import TestSupport

@Suite("kiemke probe against recorded devices served by snmpsim",
       .enabled(if: CLI.available && SNMPSimulator.unavailableReason == nil, "\(SNMPSimulator.unavailableReason ?? "the kiemke binary is not built")"))
struct ProbeCommandTests {
    static func probe(_ community: String, _ extra: [String] = []) async throws -> [String: Any] {
        let endpoint = try await SNMPSimulator.shared.endpoint()
        let outcome = try await KiemkeProcess.run(["probe", endpoint.address, "--snmp-port", "\(endpoint.port)",
                                             "--community", community, "--format", "json"] + extra)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    }

    @Test("the JSON contract for a colour copier: kind, vendor, model, serial, supplies, pages, conditions")
    func copier() async throws {
        let json = try await Self.probe("konica_c250i")
        #expect(json["up"] as? Bool == true)
        #expect((json["answered_by"] as? [String])?.contains("snmp") == true)
        #expect(json["kind"] as? String == "copier")
        #expect(json["vendor"] as? String == "Konica Minolta")
        #expect(json["model"] as? String == "bizhub C250i")
        #expect(json["serial"] as? String == "AA2M021115700")
        #expect(json["page_count"] as? Int == 33810)
        #expect(json["conditions"] as? [String] == ["service requested"])
        let supplies = try #require(json["supplies"] as? [[String: Any]])
        let cyan = supplies.first { $0["name"] as? String == "Toner (Cyan)" }
        #expect(cyan?["type"] as? String == "toner")
        #expect(cyan?["color"] as? String == "cyan")
        #expect(cyan?["level_pct"] as? Int == 76)
        let waste = supplies.first { ($0["name"] as? String)?.contains("Waste") == true }
        #expect(waste != nil && waste?["level_pct"] is NSNull, "'some remaining' is not a percentage")
    }

    @Test("a Windows server is a computer with its disks' use, whatever virtual printers it lists")
    func windowsServer() async throws {
        let json = try await Self.probe("windows_svr_2019_1809")
        #expect(json["kind"] as? String == "computer")
        let storage = try #require(json["storage"] as? [[String: Any]])
        #expect(storage.contains { ($0["name"] as? String)?.hasPrefix("C:\\") == true && $0["used_pct"] is Double })
        #expect((json["supplies"] as? [Any])?.isEmpty ?? true)
    }

    @Test("an address with no SNMP agent is still up by ping, with SNMP's failure said and facts null")
    func noAgent() async throws {
        let outcome = try await KiemkeProcess.run(["probe", "127.0.0.1", "--snmp-port", "\(SNMPChildProcess.freeUDPPort())", "--format", "json"])
        #expect(outcome.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(json["up"] as? Bool == true)
        #expect((json["answered_by"] as? [String])?.contains("snmp") == false)
        #expect(json["kind"] is NSNull, "unknown values are null, never guessed")
        #expect((json["failures"] as? [String: String])?["snmp"] != nil)
    }

    @Test("probe --all records SNMP facts, and status and report list what needs attention without changing the condition")
    func attentionFromFacts() async throws {
        let endpoint = try await SNMPSimulator.shared.endpoint()
        let cli = CLI()
        // One snmpsim serves both recordings, told apart by community: one address, said so.
        try cli.folder.write("d.csv", """
            name,kind,address,condition,snmp_version,snmp_community,snmp_port,shared_address
            PHOTO-01,copier,\(endpoint.address),good,2c,konica_c250i,\(endpoint.port),yes
            IN-01,printer,\(endpoint.address),good,2c,epson,\(endpoint.port),yes
            """)
        #expect(try await cli.run("devices", "import", cli.folder.path("d.csv")).status == 0)
        let probed = try await cli.run("probe", "--all")
        #expect(probed.status == 0, "\(probed.stderr)")
        #expect(probed.stdout.contains("2 up"))
        let status = try #require(try JSONSerialization.jsonObject(with: Data(try await cli.run("status", "--format", "json").stdout.utf8)) as? [String: Any])
        let attention = try #require(status["attention"] as? [[String: Any]])
        #expect(attention.contains { $0["name"] as? String == "PHOTO-01" && $0["issue"] as? String == "service requested" })
        #expect(attention.contains { $0["name"] as? String == "IN-01" && ($0["issue"] as? String)?.contains("low") == true }, "\(attention)")
        let devices = try #require(status["devices"] as? [[String: Any]])
        #expect(devices.allSatisfy { $0["condition"] as? String == "good" }, "facts suggest; only people mark")
        let report = try await cli.run("report")
        // In the notes after the text to paste, grouped per device and named by kind.
        #expect(report.stdout.contains("Máy photocopy (PHOTO-01): "), "\(report.stdout)")
        #expect(report.stdout.contains("Máy photocopy (PHOTO-01): Cần bảo trì."), "\(report.stdout)")
    }

    @Test("bad arguments exit 2 with a message")
    func badArguments() async throws {
        #expect(try await KiemkeProcess.run(["probe", "192.168.1"]).status == 2)
        #expect(try await KiemkeProcess.run(["probe"]).status == 2)
        #expect(try await KiemkeProcess.run(["probe", "127.0.0.1", "--kind", "toaster"]).status == 2)
    }
}
