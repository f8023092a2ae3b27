import Foundation

extension AttentionRules {
    /// Issues read from a device's last SNMP facts (JSON): printer error states, low supplies, full disks.
    static func factIssues(_ facts: String?) -> [String] {
        guard let facts, let data = facts.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [] }
        var issues: [String] = []
        for condition in object["conditions"] as? [String] ?? [] {
            issues.append(condition)
        }
        for supply in object["supplies"] as? [[String: Any]] ?? [] {
            if let level = supply["level_pct"] as? Double, level < 10 {
                issues.append("\(supply["name"] as? String ?? "supply") low (\(Int(level))%)")
            }
        }
        for storage in object["storage"] as? [[String: Any]] ?? [] where (storage["type"] as? String ?? "disk") == "disk" {
            if let used = storage["used_pct"] as? Double, used >= 90 {
                issues.append("disk \(storage["name"] as? String ?? "") nearly full (\(Int(used))%)")
            }
        }
        return issues
    }
}
