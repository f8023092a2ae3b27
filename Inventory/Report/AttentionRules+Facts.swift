import Foundation
import KiemkeCore

extension AttentionRules {
    /// Supplies below this share are "low".
    static let lowSupplyPercent = 10
    /// Disks used beyond this share are "nearly full".
    static let fullDiskPercent = 90.0

    /// Issues read from a device's last SNMP facts: printer error states, low supplies, nearly full disks.
    static func factIssues(_ facts: DeviceFacts?) -> [String] {
        guard let facts else { return [] }
        var issues = facts.conditions
        for supply in facts.supplies where !supply.type.hasPrefix("waste") {
            if let level = supply.levelPct, level < lowSupplyPercent {
                issues.append("\(supply.name) low (\(level)%)")
            }
        }
        // Only a computer's disks fill up with work; a printer's flash is full by design.
        for area in facts.storage where area.isDisk && facts.kind == .computer {
            if let used = area.usedPct, used >= fullDiskPercent {
                issues.append("disk \(area.name) nearly full (\(Int(used))%)")
            }
        }
        return issues
    }
}
