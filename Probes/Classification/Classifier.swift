import Foundation
import KiemkeCore

/// Decides kind, vendor and model from the evidence, using `ClassificationRules`.
public enum Classifier {
    /// The classification of one device.
    public static func classify(_ evidence: DeviceEvidence) -> Classification {
        let vendor = vendor(for: evidence)
        let model = extract(ClassificationRules.models, vendor: vendor, from: evidence)
        guard let rule = ClassificationRules.kinds.first(where: { $0.matches(evidence) }) else {
            var result = ClassificationRules.fallback
            result.vendor = vendor
            result.model = model
            return result
        }
        return Classification(kind: rule.kind, vendor: vendor, model: model, confidence: rule.confidence,
                              reason: rule.reason)
    }

    /// The rule that decides the kind (for tests and explanations).
    public static func decidingRule(_ evidence: DeviceEvidence) -> ClassificationRule? {
        ClassificationRules.kinds.first { $0.matches(evidence) }
    }

    /// The vendor: a hardware maker's MIB first, then sysObjectID's enterprise.
    public static func vendor(for evidence: DeviceEvidence) -> String? {
        for entry in ClassificationRules.vendorsByVendorValue where !(evidence.vendorValues[entry.key] ?? "").isEmpty {
            return entry.vendor
        }
        return evidence.enterprise.flatMap { ClassificationRules.vendorsByEnterprise[$0] }
    }

    /// The first value a pattern for `vendor` (or for any vendor) finds.
    public static func extract(_ patterns: [ClassificationRules.FieldPattern], vendor: String?,
                               from evidence: DeviceEvidence) -> String? {
        for pattern in patterns where pattern.vendor == nil || pattern.vendor == vendor {
            let text: String? = switch pattern.source {
            case .sysDescr: evidence.sysDescr
            case .primaryDevice: evidence.primaryDeviceDescription
            case .vendorValue(let key): evidence.vendorValues[key]
            }
            guard let text, !text.isEmpty,
                  let regex = try? NSRegularExpression(pattern: pattern.pattern, options: [.caseInsensitive]),
                  let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
            else { continue }
            let group = match.numberOfRanges > 1 && match.range(at: 1).location != NSNotFound ? 1 : 0
            guard let range = Range(match.range(at: group), in: text) else { continue }
            let value = text[range].trimmingCharacters(in: .whitespaces)
            if !value.isEmpty { return value }
        }
        return nil
    }
}
