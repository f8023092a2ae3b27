import Foundation
import Probes

extension AttentionRules {
    /// Supplies below this share are "low".
    static let lowSupplyPercent = 10
    /// Disks used beyond this share are "nearly full".
    static let fullDiskPercent = 90.0

    /// Issues read from a device's last SNMP facts (JSON of `DeviceFacts`): printer error states,
    /// low supplies, nearly full disks.
    static func factIssues(_ json: String?) -> [Attention] {
        guard let json, let facts = try? JSONDecoder().decode(DeviceFacts.self, from: Data(json.utf8)) else { return [] }
        var issues = facts.conditions.map { Attention.printerCondition(PrinterCondition(name: $0)) }
        for supply in facts.supplies where !supply.type.hasPrefix("waste") {
            if let level = supply.levelPct, level < lowSupplyPercent {
                issues.append(.lowSupply(name: supply.name, levelPct: level))
            }
        }
        // Only a computer's disks fill up with work; a printer's flash is full by design.
        for area in facts.storage where area.isDisk && facts.kind == .computer {
            if let used = area.usedPct, used >= fullDiskPercent {
                issues.append(.diskFull(name: area.name, usedPct: used))
            }
        }
        return issues
    }
}
