import Probes
import Testing
import KiemkeCore

/// Each rule of the evidence table fires on the evidence it is written for (synthetic evidence, one case per
/// rule): a rule with no case, or one that cannot fire, fails here.
struct ClassificationRuleTests {
    static func row(_ type: String, _ description: String) -> HostDevice {
        HostDevice(index: 1, type: type, description: description, status: "running")
    }

    static let cases: [(rule: String, evidence: DeviceEvidence)] = [
        ("windows-descr", DeviceEvidence(sysDescr: "Hardware: x86 - Software: Windows Version 6.3")),
        ("microsoft-enterprise", DeviceEvidence(sysObjectID: "1.3.6.1.4.1.311.1.1.3.1.1")),
        ("unix-descr", DeviceEvidence(sysDescr: "Linux fileserver 5.10.0 #1 SMP x86_64")),
        ("net-snmp-agent", DeviceEvidence(sysDescr: "router-ish box", sysObjectID: "1.3.6.1.4.1.8072.3.2.10")),
        ("host-processors", DeviceEvidence(hostDevices: [row("processor", "Intel Core i5")])),
        ("server-hardware-mib", DeviceEvidence(vendorValues: ["dell.model": "PowerEdge R740"])),
        ("computer-ports", DeviceEvidence(openPorts: [3389])),
        ("camera-descr", DeviceEvidence(sysDescr: "Dahua IP Camera")),
        ("recorder-descr", DeviceEvidence(sysDescr: "DH-NVR4108HS-8P-4KS2")),
        ("hikvision-mib", DeviceEvidence(vendorValues: ["hikvision.model": "DS-2CD2185FWD-I"])),
        ("camera-maker", DeviceEvidence(sysObjectID: "1.3.6.1.4.1.39165.1.1")),
        ("camera-model-code", DeviceEvidence(sysDescr: "DS-2CD2143G0-I")),
        ("rtsp-port", DeviceEvidence(openPorts: [554])),
        ("scanner-descr", DeviceEvidence(sysDescr: "EPSON 10/100/1000 Ethernet USB Ext. Scan Server", sysObjectID: "1.3.6.1.4.1.1248.1")),
        ("scanner-model-line", DeviceEvidence(sysDescr: "fi-7160")),
        ("scan-function", DeviceEvidence(sysDescr: "HP LaserJet MFP M130nw")),
        ("printer-supplies", DeviceEvidence(supplyCount: 2)),
        ("printer-mib", DeviceEvidence(hasPageCounter: true)),
        ("hr-printer-row", DeviceEvidence(hostDevices: [row("printer", "Embedded printer")])),
        ("printer-descr", DeviceEvidence(sysDescr: "KYOCERA Document Solutions Printing System")),
        ("printer-model-line", DeviceEvidence(sysDescr: "Brother HL-L2350DW series")),
        ("printer-model-code", DeviceEvidence(sysDescr: "Samsung M4080FX Series")),
        ("ieee1284-printer", DeviceEvidence(vendorValues: ["ieee1284": "MFG:HP;MDL:HP Foo;CLS:PRINTER;"])),
        ("attached-printer", DeviceEvidence(sysDescr: "OKI OkiLAN 8500e Rev.01.23 10/100BASE Ethernet PrintServer: Attached to MC342 Rev.02.70")),
        ("printer-maker", DeviceEvidence(sysObjectID: "1.3.6.1.4.1.2435.2.3.9.1")),
        ("hp-maker", DeviceEvidence(sysObjectID: "1.3.6.1.4.1.11.1")),
        ("printer-ports", DeviceEvidence(openPorts: [9100])),
        ("roll-media", DeviceEvidence(inputTrays: [InputTray(name: "Roll Unit 1")])),
        ("copier-line", DeviceEvidence(sysDescr: "RICOH MP C3002 1.10 / RICOH Network Printer C model")),
        ("a3-tray", DeviceEvidence(inputTrays: [InputTray(name: "Tray 2", mediaName: "A3")])),
        ("copier-units", DeviceEvidence(sysDescr: "Xerox Color 570;System 55.40.61,IOT 64.24.0,FIN C18.22.0,IIT 6.18.0,ADF 12.11.1")),
        ("paper-deck", DeviceEvidence(inputTrays: [InputTray(name: "Tray 1", maxCapacity: 500), InputTray(name: "Tray 3", maxCapacity: 1600)])),
        ("video-encoder", DeviceEvidence(sysDescr: "; AXIS M7011; Network Video Encoder; 5.75.1;")),
        ("audio-device", DeviceEvidence(sysDescr: "; AXIS C1004-E; Network Cabinet Speaker; 10.1;")),
        ("document-server", DeviceEvidence(sysDescr: "AXIS 1234 Network Document Server")),
        ("print-server", DeviceEvidence(sysDescr: "AXIS 5600+ Network Print Server V7.10")),
        ("pbx", DeviceEvidence(sysDescr: "KX-NS1000 Ver00700128")),
        ("ip-phone", DeviceEvidence(sysDescr: "Grandstream IP Phone GXP1625")),
        ("nas", DeviceEvidence(sysDescr: "Linux TS-X31 4.2.2", entityManufacturers: ["QNAP Systems, Inc."])),
        ("ups", DeviceEvidence(sysDescr: "APC Web/SNMP Management Card", sysObjectID: "1.3.6.1.4.1.318.1.3.27")),
        ("projector", DeviceEvidence(sysDescr: "EPSON Projector")),
        ("attendance", DeviceEvidence(sysDescr: "ZKTeco Time Attendance terminal")),
        ("network-maker", DeviceEvidence(sysDescr: "Cisco IOS Software, C2960", sysObjectID: "1.3.6.1.4.1.9.1.1208")),
        ("network-descr", DeviceEvidence(sysDescr: "24-port Gigabit Smart Switch")),
    ]

    @Test("Every rule in the table has a case here, and every case names a rule")
    func everyRuleCovered() {
        #expect(Set(ClassificationRules.all.map(\.name)) == Set(Self.cases.map(\.rule)))
        #expect(ClassificationRules.all.count == Set(ClassificationRules.all.map(\.name)).count, "rule names repeat")
    }

    @Test("Every pattern compiles")
    func patternsCompile() {
        #expect(Classifier.invalidPatterns.isEmpty, "\(Classifier.invalidPatterns)")
    }

    @Test("The rule fires on its evidence", arguments: cases.indices)
    func ruleFires(index: Int) {
        let c = Self.cases[index]
        let decision = Classifier.decide(c.evidence)
        #expect(decision.signals.contains { $0.rule == c.rule }, "\(c.rule) did not fire: \(decision.signals.map(\.rule))")
    }
}

/// The decision on evidence shaped like devices that are not in the corpus: the kinds, vendors and models the
/// issue names, and the cases where the conservative answer is the right one.
struct ClassificationDecisionTests {
    static let cases: [(name: String, evidence: DeviceEvidence, kind: DeviceKind, vendor: String?, model: String?)] = [
        ("Ricoh MP C3002 lists Network Scanner: still a copier",
         DeviceEvidence(sysDescr: "RICOH MP C3002 1.10 / RICOH Network Printer C model / RICOH Network Scanner C model / RICOH Network Facsimile C model",
                        sysObjectID: "1.3.6.1.4.1.367.1.1"), .copier, "Ricoh", "MP C3002"),
        ("Sharp MX-M266NV with sysDescr only", DeviceEvidence(sysDescr: "SHARP MX-M266NV"), .copier, "Sharp", "MX-M266NV"),
        ("Fujifilm Apeos C7580", DeviceEvidence(sysDescr: "FUJIFILM Apeos C7580", sysObjectID: "1.3.6.1.4.1.297.1.11.93.1.48.1"),
         .copier, "Fujifilm", "Apeos C7580"),
        ("Toshiba e-STUDIO", DeviceEvidence(sysDescr: "TOSHIBA e-STUDIO2518A", sysObjectID: "1.3.6.1.4.1.1129.2.3.46.1"),
         .copier, "Toshiba", "e-STUDIO2518A"),
        ("Samsung M4080FX: model is the first product word", DeviceEvidence(sysDescr: "Samsung M4080FX Series; V4.00.02.22 Dec-02-2016",
                                                                          sysObjectID: "1.3.6.1.4.1.236.11.5.1"), .printer, "Samsung", "M4080FX"),
        ("Dahua NVR", DeviceEvidence(sysDescr: "DH-NVR4108HS-8P-4KS2"), .camera, "Dahua", "DH-NVR4108HS-8P-4KS2"),
        ("An HP MFP with an A3 tray is copier class",
         DeviceEvidence(sysDescr: "HP ETHERNET MULTI-ENVIRONMENT", sysObjectID: "1.3.6.1.4.1.11.2.3.9.1",
                        hostDevices: [HostDevice(index: 1, type: "printer", description: "HP Color LaserJet MFP E87640", status: "running")],
                        supplyCount: 4, inputTrays: [InputTray(name: "Tray 2", feedDimension: 420_000, crossFeedDimension: 297_000, dimensionUnit: 4)]),
         .copier, "HP", "Color LaserJet MFP E87640"),
        ("A Windows PC listing printer drivers is a computer",
         DeviceEvidence(sysDescr: "Hardware: x86 - Software: Windows Version 6.3", sysObjectID: "1.3.6.1.4.1.311.1.1.3.1.1",
                        hostDevices: [HostDevice(index: 1, type: "printer", description: "HP LaserJet MFP M130 PCLm", status: "running")]),
         .computer, "Microsoft", nil),
        ("Nothing known: other", DeviceEvidence(sysDescr: "mystery box"), .other, nil, nil),
        ("A plotter on a roll is a printer, not a copier",
         DeviceEvidence(sysDescr: "Canon TM-5300 /P", sysObjectID: "1.3.6.1.4.1.1602.4.3", supplyCount: 6,
                        inputTrays: [InputTray(name: "Roll Unit 1", feedDimension: 1_189_000, crossFeedDimension: 841_000, dimensionUnit: 4)]),
         .printer, "Canon", "TM-5300"),
        ("Canon imageRUNNER ADVANCE", DeviceEvidence(sysDescr: "Canon iR-ADV C5535 /P", sysObjectID: "1.3.6.1.4.1.1602.4.7"),
         .copier, "Canon", "iR-ADV C5535"),
        ("Kyocera TASKalfa", DeviceEvidence(sysDescr: "KYOCERA Document Solutions Printing System", sysObjectID: "1.3.6.1.4.1.1347.41",
                                            vendorValues: ["kyocera.model": "TASKalfa 3253ci"]), .copier, "Kyocera", "TASKalfa 3253ci"),
        ("Lexmark laser printer", DeviceEvidence(sysDescr: "Lexmark MS610dn version PP.54.P1 kernel 3.0.0", sysObjectID: "1.3.6.1.4.1.641.2.1.2.1",
                                                 supplyCount: 1), .printer, "Lexmark", "MS610dn"),
        ("Synology NAS", DeviceEvidence(sysDescr: "Linux DiskStation 4.4.59+ #25426 SMP x86_64", sysObjectID: "1.3.6.1.4.1.8072.3.2.10"),
         .other, nil, nil),
        ("APC UPS", DeviceEvidence(sysDescr: "APC Web/SNMP Management Card (MB:v4.1.0 PF:v6.4.6)", sysObjectID: "1.3.6.1.4.1.318.1.3.27"),
         .other, "APC", nil),
        ("Epson projector", DeviceEvidence(sysDescr: "EPSON Projector", sysObjectID: "1.3.6.1.4.1.1248.4.1"), .other, "Epson", nil),
        ("TP-Link switch", DeviceEvidence(sysDescr: "TL-SG3428 JetStream 24-Port Gigabit L2 Managed Switch", sysObjectID: "1.3.6.1.4.1.11863.5.1"),
         .network, "TP-Link", "TL-SG3428"),
        ("A Hikvision camera with a printing port open is still a camera",
         DeviceEvidence(vendorValues: ["hikvision.model": "DS-2CD2185FWD-I"], openPorts: [9100]), .camera, "Hikvision", "DS-2CD2185FWD-I"),
    ]

    @Test("Decides as expected", arguments: cases.indices)
    func decides(index: Int) {
        let c = Self.cases[index]
        let result = Classifier.classify(c.evidence)
        #expect(result.kind == c.kind, "\(c.name): \(result.reason)")
        #expect(result.vendor == c.vendor, "\(c.name)")
        #expect(result.model == c.model, "\(c.name)")
        #expect(!result.reason.isEmpty)
    }

    @Test("A desktop multifunction printer is a printer, and the reason says the choice was conservative")
    func conservativePrinter() {
        let result = Classifier.classify(DeviceEvidence(sysDescr: "Brother NC-8300h", sysObjectID: "1.3.6.1.4.1.2435.2.3.9.1",
            hostDevices: [HostDevice(index: 1, type: "printer", description: "Brother MFC-L2710DW series", status: "running")], supplyCount: 2))
        #expect(result.kind == .printer)
        #expect(result.reason.contains("conservative"))
        #expect(result.reasons.contains { $0.contains("multifunction") })
    }

    @Test("Something kiemke cannot place is other, with low confidence and the reason")
    func cannotPlace() {
        let result = Classifier.classify(DeviceEvidence(sysObjectID: "1.3.6.1.4.1.11.1"))
        #expect(result.kind == .other)
        #expect(result.vendor == "HP")
        #expect(result.confidence < 0.5)
        #expect(result.reason.contains("cannot place"))
    }

    @Test("Vendor: a hardware MIB beats the OS maker; IANA numbers otherwise; agent software is no vendor")
    func vendors() {
        #expect(Classifier.vendor(for: DeviceEvidence(sysObjectID: "1.3.6.1.4.1.18334.1.1")) == "Konica Minolta")
        #expect(Classifier.vendor(for: DeviceEvidence(sysObjectID: "1.3.6.1.4.1.311.1", vendorValues: ["dell.model": "OptiPlex 7010"])) == "Dell")
        #expect(Classifier.vendor(for: DeviceEvidence(sysObjectID: "1.3.6.1.4.1.8072.3.2.10")) == nil)
        #expect(Classifier.vendor(for: DeviceEvidence(sysObjectID: "1.3.6.1.4.1.99999.1")) == nil)
    }

    @Test("Firmware from the places vendors write it", arguments: [
        ("; AXIS P1435-LE; Network Camera; 9.80.69; May 13 2024 09:11; 70D; 1;", "9.80.69"),
        ("Brother NC-8300h, Firmware Ver.1.14  (14.11.06),MID 8C5-F01,FID 2", "1.14"),
        ("RICOH Aficio MP 201 1.04 / RICOH Network Printer C model", "1.04"),
        ("Samsung ML-2850 Series OS 1.01.15.47 02-10-2010;Engine 1.01.25", "1.01.15.47"),
        ("KX-NS1000 Ver00700128", "00700128"),
    ])
    func firmware(sysDescr: String, expected: String) {
        #expect(IdentityExtractor.firmware(DeviceEvidence(sysDescr: sysDescr), vendor: nil) == expected)
    }
}
