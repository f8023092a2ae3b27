import Foundation
import Probes
import Testing
import TestSupport
import KiemkeCore

/// Every shared recording, served by snmpsim, read and classified with the values the recording holds.
@Suite(.enabled(if: SNMPSimulator.unavailableReason == nil, "snmpsim or ../shared recordings unavailable"))
struct ReaderRecordingTests {
    static let reader = DeviceReader(engine: try! SNMPEngine(concurrency: 32))

    func read(_ recording: String, version: SNMPVersion = .v2c) async throws -> DeviceFacts {
        let endpoint = try await SNMPSimulator.shared.endpoint()
        let settings = SNMPSettings(version: version, community: recording, port: endpoint.port, timeout: 3, retries: 1)
        let facts = try await Self.reader.read(endpoint.address, settings: settings).get()
        #expect(facts.notes.isEmpty, "\(recording): \(facts.notes)")
        return facts
    }

    @Test("Konica Minolta bizhub C250i: copier, 4 toners and a waste box at 'some remaining', service requested")
    func konica() async throws {
        let f = try await read("konica_c250i")
        #expect(f.kind == .copier)
        #expect(f.vendor == "Konica Minolta")
        #expect(f.model == "bizhub C250i")
        #expect(f.serial == "AA2M021115700")
        #expect(f.pageCount == 33810)
        #expect(f.deviceStatus == "warning")
        #expect(f.conditions == ["service requested"])
        #expect(f.supplies.map(\.name) == ["Toner (Cyan)", "Toner (Magenta)", "Toner (Yellow)", "Toner (Black)", "Waste Toner Box"])
        #expect(f.supplies.map(\.type) == ["toner", "toner", "toner", "toner", "waste_toner"])
        #expect(f.supplies.map(\.color) == ["cyan", "magenta", "yellow", "black", nil])
        #expect(f.supplies.map(\.levelPct) == [76, 78, 77, 86, nil])
        #expect(f.supplies.last?.levelState == "some remaining")
        #expect(f.interfaces.first?.mac == "00:20:6b:4a:f3:25")
        #expect(f.interfaces.first?.speedMbps == 1000)
    }

    @Test("HP LaserJet MFP M130nw: a desktop multifunction printer (máy in), serial from Printer-MIB, toner and drum")
    func hpJetdirect() async throws {
        let f = try await read("jetdirect_m130nw")
        #expect(f.kind == .printer)
        #expect(f.classification.reason.contains("conservative"))
        #expect(f.vendor == "HP")
        #expect(f.model == "LaserJet MFP M130nw")
        #expect(f.serial == "VNCRC48198")
        #expect(f.serialSource == "Printer-MIB prtGeneralSerialNumber")
        #expect(f.pageCount == 15232)
        #expect(f.conditions.isEmpty)
        #expect(f.deviceStatus == "running")
        #expect(f.supplies == [
            PrinterSupply(name: "Black Cartridge HP CF217A", type: "toner", color: "black", levelPct: 28, levelState: nil, level: 28, maxCapacity: 100),
            PrinterSupply(name: "Imaging Drum HP CF219A", type: "drum", color: nil, levelPct: 71, levelState: nil, level: 71, maxCapacity: 100),
        ])
    }

    @Test("Brother MFC: a desktop multifunction printer, toner -3/-2 gives no percentage, drum as used/max, serial from Brother's MIB")
    func brother() async throws {
        let f = try await read("brother")
        #expect(f.kind == .printer)
        #expect(f.vendor == "Brother")
        #expect(f.model == "MFC-L2710DW")
        #expect(f.firmware == "1.14")
        #expect(f.serial == "000A5J431816")
        #expect(f.supplies.map(\.name) == ["Black Toner Cartridge", "Drum Unit"])
        try #require(f.supplies.count == 2, "a short read must fail this test, not crash the run")
        #expect(f.supplies[0].levelPct == nil)
        #expect(f.supplies[0].levelState == "some remaining")
        #expect(f.supplies[0].color == "black")
        #expect(f.supplies[1].type == "drum")
        #expect(f.supplies[1].levelPct == 96)
        #expect(f.pageCount == nil)
    }

    @Test("Canon LBP6670: printer, supply type inferred from its description only")
    func canon() async throws {
        let f = try await read("canonprinter_lbp")
        #expect(f.kind == .printer)
        #expect(f.vendor == "Canon")
        #expect(f.model == "LBP6670")
        #expect(f.firmware == "R7.21")
        #expect(f.serial == "MKRA012345")
        #expect(f.supplies == [PrinterSupply(name: "Canon Cartridge 719/719H", type: "toner", color: nil, levelPct: 70,
                                             levelState: nil, level: 70, maxCapacity: 100)])
        #expect(f.deviceStatus == "running")
    }

    @Test("Epson inkjet: printer, four inks at 1 %, empty error state means no condition, status warning")
    func epsonInkjet() async throws {
        let f = try await read("epson")
        #expect(f.kind == .printer)
        #expect(f.vendor == "Epson")
        #expect(f.model == "WF-C5790BA")
        #expect(f.serial == "X3B8022793")
        #expect(f.deviceStatus == "warning")
        #expect(f.conditions.isEmpty)
        #expect(f.supplies.map(\.type) == ["ink", "ink", "ink", "ink"])
        #expect(f.supplies.map(\.color) == ["black", "cyan", "magenta", "yellow"])
        #expect(f.supplies.map(\.levelPct) == [1, 1, 1, 1])
    }

    @Test("Kyocera with only sysDescr/sysObjectID standard: model, serial and firmware from Kyocera's MIB, a desktop MFP")
    func kyocera() async throws {
        let f = try await read("kyocera")
        #expect(f.kind == .printer)
        #expect(f.firmware == "2H9_2F00.002.002")
        #expect(f.vendor == "Kyocera")
        #expect(f.model == "FS-1028MFP")
        #expect(f.serial == "QUV9600664")
        #expect(f.supplies.isEmpty)
        #expect(f.pageCount == nil)
    }

    @Test("Epson DS-860 Scan Server: a scanner, not a printer")
    func epsonScanner() async throws {
        let f = try await read("epson-scanner_ds-860")
        #expect(f.kind == .scanner)
        #expect(f.vendor == "Epson")
        #expect(f.model == "DS-860")
        #expect(f.supplies.isEmpty)
        #expect(f.interfaces.first?.mac == "ac:18:26:33:5f:dc")
    }

    @Test("Axis P1435-LE: a camera despite Axis's enterprise also covering print servers")
    func axisCamera() async throws {
        let f = try await read("axiscam_p1435-le")
        #expect(f.kind == .camera)
        #expect(f.vendor == "Axis")
        #expect(f.model == "P1435-LE")
        #expect(f.firmware == "9.80.69")
        #expect(f.interfaces.map(\.mac) == [nil, "ac:cc:8e:c0:ff:ee"])
    }

    @Test("Hikvision camera without system group: identified by its private MIB")
    func hikvision() async throws {
        let f = try await read("hikvision-cam")
        #expect(f.kind == .camera)
        #expect(f.vendor == "Hikvision")
        #expect(f.model == "DS-2CD2185FWD-I")
        #expect(f.firmware == "V5.5.3 build 171025")
        #expect(f.system.description == nil)
        #expect(f.system.objectID == nil)
    }

    @Test("Windows Server 2019: a computer with storage and processors, its virtual printers notwithstanding")
    func windowsServer() async throws {
        let f = try await read("windows_svr_2019_1809")
        #expect(f.kind == .computer)
        #expect(f.vendor == "Microsoft")
        #expect(f.devices.filter { $0.type == "printer" }.count == 5)
        #expect(f.storage.map(\.name) == ["C:\\", "D:\\", "Virtual Memory", "Physical Memory"])
        #expect(f.storage.map(\.usedPct) == [30.3, nil, 21.0, 22.7])
        #expect(f.storage.map(\.isDisk) == [true, true, false, false])
        #expect(f.storage.first?.sizeBytes == Int64(26_056_703) * 4096)
        #expect(f.processorLoads == [2, 4, 1, 1])
        #expect(f.deviceStatus == nil)
        #expect(f.supplies.isEmpty)
    }

    @Test("Windows 7 desktop: a computer; hardware model and service tag from Dell's MIB")
    func windowsDesktop() async throws {
        let f = try await read("windows")
        #expect(f.kind == .computer)
        #expect(f.vendor == "Dell")
        #expect(f.model == "PowerEdge 2650")
        #expect(f.serial == "1234567")
        #expect(f.classification.reason.contains("Windows"))
    }

    @Test("Linux server: a computer with eight processors and no storage table")
    func linux() async throws {
        let f = try await read("linux")
        #expect(f.kind == .computer)
        #expect(f.vendor == nil)
        #expect(f.processorLoads == [3, 2, 2, 1, 2, 3, 1, 2])
        #expect(f.storage.isEmpty)
        #expect(f.devices.count == 13)
    }

    @Test("SNMPv1 reads the same facts as v2c (GETNEXT walks, noSuchName handling)", arguments: ["konica_c250i", "hikvision-cam", "kyocera"])
    func v1MatchesV2c(recording: String) async throws {
        let v1 = try await read(recording, version: .v1)
        let v2 = try await read(recording)
        #expect(v1 == v2)
    }

    @Test("Facts encode to the JSON the CLI prints: flat kind/vendor/model, snake_case keys, nulls for unknowns")
    func json() async throws {
        let f = try await read("konica_c250i")
        let data = try JSONEncoder().encode(f)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["kind"] as? String == "copier")
        #expect(object["model"] as? String == "bizhub C250i")
        #expect(object["page_count"] as? Int == 33810)
        let supplies = try #require(object["supplies"] as? [[String: Any]])
        try #require(supplies.count >= 5, "a short read must fail this test, not crash the run")
        #expect(supplies[0]["level_pct"] as? Int == 76)
        #expect(supplies[4]["level_pct"] is NSNull)
        #expect(try JSONDecoder().decode(DeviceFacts.self, from: data) == f)
    }
}
