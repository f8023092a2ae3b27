import Foundation
@testable import Inventory
import Testing
import KiemkeCore

@Suite("Attention items from a device's last SNMP facts")
struct AttentionRulesTests {
    static func facts(_ kind: DeviceKind, conditions: [String] = [], supplies: [PrinterSupply] = [], storage: [StorageArea] = []) -> DeviceFacts? {
        DeviceFacts(address: "10.0.0.1", classification: Classification(kind: kind, vendor: nil, model: nil, confidence: 1, reason: "t"),
                    conditions: conditions, supplies: supplies, storage: storage)
    }

    static func supply(_ name: String, _ type: String, _ level: Int?) -> PrinterSupply {
        PrinterSupply(name: name, type: type, color: nil, levelPct: level, levelState: nil, level: level, maxCapacity: 100)
    }

    static func disk(_ name: String, _ used: Double, isDisk: Bool = true) -> StorageArea {
        StorageArea(name: name, type: isDisk ? "fixed_disk" : "ram", isDisk: isDisk, sizeBytes: 100, usedBytes: Int64(used), usedPct: used)
    }

    @Test("facts become attention cases", arguments: [
        (facts(.printer, conditions: ["jammed", "condition 17"]), [Attention.printerCondition(.jammed), .printerCondition(.other("condition 17"))]),
        (facts(.copier, supplies: [supply("Toner (Black)", "toner", 9), supply("Drum", "drum", 10), supply("Waste", "waste_toner", 1),
                                   supply("Fuser", "fuser", nil)]), [.lowSupply(name: "Toner (Black)", levelPct: 9, type: "toner")]),
        (facts(.computer, storage: [disk("C:\\", 90), disk("D:\\", 89.9), disk("RAM", 99, isDisk: false)]), [.diskFull(name: "C:\\", usedPct: 90)]),
        (facts(.printer, storage: [disk("Flash", 100)]), []),
        (nil, []),
    ])
    func fromFacts(facts: DeviceFacts?, expected: [Attention]) {
        #expect(AttentionRules.factIssues(facts) == expected)
    }
}
