import Probes
import Testing
import KiemkeCore

/// Each kind rule decides for the evidence it is written for (synthetic evidence, one case per rule).
struct ClassificationRuleTests {
    static let cases: [(rule: String, evidence: DeviceEvidence, kind: DeviceKind)] = [
        ("hikvision-mib", DeviceEvidence(sysDescr: "Linux 3.10", vendorValues: ["hikvision.model": "DS-2CD2185FWD-I"]), .camera),
        ("axis-camera", DeviceEvidence(sysDescr: " ; AXIS M3045-V; Network Camera; 10.12; ", sysObjectID: "1.3.6.1.4.1.368.1.1"), .camera),
        ("axis-print-server", DeviceEvidence(sysDescr: "AXIS 5600+ Network Print Server V7.10", sysObjectID: "1.3.6.1.4.1.368.1.1"), .network),
        ("camera-descr", DeviceEvidence(sysDescr: "Dahua IP Camera"), .camera),
        ("scanner-descr", DeviceEvidence(sysDescr: "EPSON 10/100/1000 Ethernet USB Ext. Scan Server", sysObjectID: "1.3.6.1.4.1.1248.1"), .scanner),
        ("windows", DeviceEvidence(sysDescr: "Hardware: x86 - Software: Windows Version 6.3", answersPrinterMIB: false,
                                   deviceTypes: ["printer", "printer"], primaryDeviceDescription: "HP LaserJet MFP M130 PCLm"), .computer),
        ("microsoft-agent", DeviceEvidence(sysDescr: nil, sysObjectID: "1.3.6.1.4.1.311.1.1.3.1.1"), .computer),
        ("copier-line", DeviceEvidence(sysDescr: "RICOH MP C3004 1.02 / RICOH Network Printer C model", sysObjectID: "1.3.6.1.4.1.367.1.1",
                                       answersPrinterMIB: true), .copier),
        ("printer-mib", DeviceEvidence(sysDescr: "Lexmark MS610dn", sysObjectID: "1.3.6.1.4.1.641.1", answersPrinterMIB: true), .printer),
        ("printer-descr", DeviceEvidence(sysDescr: "KYOCERA Document Solutions Printing System"), .printer),
        ("hr-printer", DeviceEvidence(sysDescr: "Embedded agent", deviceTypes: ["printer"]), .printer),
        ("unix-host", DeviceEvidence(sysDescr: "Linux fileserver 5.10.0 #1 SMP x86_64", deviceTypes: ["processor"]), .computer),
        ("net-snmp-agent", DeviceEvidence(sysDescr: "router-ish box", sysObjectID: "1.3.6.1.4.1.8072.3.2.10"), .computer),
        ("network-vendor", DeviceEvidence(sysDescr: "Cisco IOS Software, C2960", sysObjectID: "1.3.6.1.4.1.9.1.1208"), .network),
        ("network-descr", DeviceEvidence(sysDescr: "24-port Gigabit Smart Switch"), .network),
    ]

    @Test("Every rule in the table has a case here")
    func everyRuleCovered() {
        #expect(Set(ClassificationRules.kinds.map(\.name)) == Set(Self.cases.map(\.rule)))
    }

    @Test("The rule decides, with its kind", arguments: cases.indices)
    func ruleDecides(index: Int) {
        let c = Self.cases[index]
        #expect(Classifier.decidingRule(c.evidence)?.name == c.rule)
        #expect(Classifier.classify(c.evidence).kind == c.kind)
    }

    @Test("Nothing known gives 'other' with low confidence and a reason")
    func fallback() {
        let result = Classifier.classify(DeviceEvidence(sysDescr: "mystery box"))
        #expect(result.kind == .other)
        #expect(result.confidence < 0.5)
        #expect(!result.reason.isEmpty)
    }

    @Test("Vendor comes from sysObjectID's enterprise; a hardware MIB (Dell) beats the OS maker")
    func vendors() {
        #expect(Classifier.vendor(for: DeviceEvidence(sysObjectID: "1.3.6.1.4.1.18334.1.1")) == "Konica Minolta")
        #expect(Classifier.vendor(for: DeviceEvidence(sysObjectID: "1.3.6.1.4.1.311.1", vendorValues: ["dell.model": "OptiPlex 7010"])) == "Dell")
        #expect(Classifier.vendor(for: DeviceEvidence(sysObjectID: "1.3.6.1.4.1.99999.1")) == nil)
    }

    @Test("Model patterns per vendor", arguments: [
        ("Ricoh", "RICOH MP C3004 1.02 / RICOH Network Printer C model", "MP C3004"),
        ("Sharp", "SHARP MX-3070N", "MX-3070N"),
        ("Toshiba", "TOSHIBA e-STUDIO2518A", "e-STUDIO2518A"),
        ("Konica Minolta", "KONICA MINOLTA bizhub 227", "bizhub 227"),
    ])
    func models(vendor: String, sysDescr: String, model: String) {
        #expect(Classifier.extract(ClassificationRules.models, vendor: vendor, from: DeviceEvidence(sysDescr: sysDescr)) == model)
    }
}
