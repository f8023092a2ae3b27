import Foundation

extension ProposalReport {
    /// A conflict `ProposalBuilder` found, in Vietnamese (the JSON keeps the English, its contract).
    ///
    /// The names, serials and MACs in it are the devices' own and stay as they are; a conflict
    /// worded in a way this table does not know stays English rather than lose what it says.
    public static func vietnamese(conflict: String) -> String {
        let patterns: [(prefix: String, suffix: String, vi: (String) -> String)] = [
            ("serial ", " answers at more than one address", { "số sê-ri \($0) trả lời ở nhiều địa chỉ" }),
            ("MAC ", " answers at more than one address", { "MAC \($0) trả lời ở nhiều địa chỉ" }),
            ("the serial or MAC here belongs to ", "", { "số sê-ri hoặc MAC ở địa chỉ này thuộc về \($0)" }),
            ("the serial or MAC matches ", "", { "số sê-ri hoặc MAC trùng với \($0)" }),
        ]
        for pattern in patterns where conflict.hasPrefix(pattern.prefix) && conflict.hasSuffix(pattern.suffix) {
            return pattern.vi(String(conflict.dropFirst(pattern.prefix.count).dropLast(pattern.suffix.count)))
        }
        if conflict.hasPrefix("MAC "), let range = conflict.range(of: " is claimed by ") {
            let mac = conflict[conflict.index(conflict.startIndex, offsetBy: 4)..<range.lowerBound]
            return "MAC \(mac) được ghi cho nhiều thiết bị: \(conflict[range.upperBound...])"
        }
        if let range = conflict.range(of: "'s serial or MAC also answers at its own address ") {
            return "số sê-ri hoặc MAC của \(conflict[..<range.lowerBound]) cũng trả lời ở chính địa chỉ của nó \(conflict[range.upperBound...])"
        }
        return conflict
    }

    /// Why a device is taken to have moved (`AddressChangeFinder.evidence`), in Vietnamese.
    public static func vietnamese(evidence: String) -> String {
        for (en, vi) in [("same serial ", "cùng số sê-ri "), ("same MAC ", "cùng MAC "), ("same SNMP engine ID ", "cùng SNMP engine ID ")]
        where evidence.hasPrefix(en) {
            return vi + evidence.dropFirst(en.count)
        }
        return evidence
    }
}
