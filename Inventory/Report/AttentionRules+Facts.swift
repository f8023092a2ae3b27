import Foundation
import KiemkeCore

extension AttentionRules {
    /// Supplies below this share are "low".
    static let lowSupplyPercent = 10
    /// Disks used beyond this share are "nearly full".
    static let fullDiskPercent = 90.0

    /// Issues read from a device's last SNMP facts: printer error states, low supplies, nearly full disks.
    static func factIssues(_ facts: DeviceFacts?) -> [Attention] {
        guard let facts else { return [] }
        var issues = facts.conditions.map { Attention.printerCondition(PrinterCondition(name: $0)) }
        for supply in facts.supplies where !supply.type.hasPrefix("waste") {
            if let level = supply.levelPct, level < lowSupplyPercent {
                issues.append(.lowSupply(name: supply.name, levelPct: level, type: supply.type, color: supply.color))
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
