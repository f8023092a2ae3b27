import Foundation
import KiemkeCore

/// The rule table with its patterns compiled once, and the evaluation of a rule against one device.
struct CompiledRules: Sendable {
    /// A condition with its regular expressions compiled.
    indirect enum Condition: Sendable {
        case enterprise(Set<UInt>)
        case vendor(Set<String>)
        case text(RuleCondition.Field, Pattern)
        case hostDeviceType(String)
        case supplies, printerMIB, a3Tray, rollTray
        case paperCapacity(Int)
        case vendorValue(String)
        case port(Set<UInt16>)
        case any([Condition])
        case all([Condition])
        case not(Condition)
    }

    /// A compiled pattern (nil when it did not compile: the rule never fires and a test says so).
    struct Pattern: @unchecked Sendable {
        // NSRegularExpression is immutable once built and documented as safe to use from several threads;
        // swift-corelibs-foundation does not mark it Sendable.
        let source: String
        let regex: NSRegularExpression?
    }

    struct Rule: Sendable {
        let rule: ClassificationRule
        let condition: Condition
    }

    let rules: [Rule]
    /// Patterns that did not compile, by rule name (empty in a good table).
    let invalidPatterns: [String: String]

    /// The table in `ClassificationRules.all`, compiled when first used.
    static let shared = CompiledRules(ClassificationRules.all)

    init(_ table: [ClassificationRule]) {
        var invalid: [String: String] = [:]
        func compile(_ condition: RuleCondition, _ name: String) -> Condition {
            switch condition {
            case .enterprise(let set): return .enterprise(set)
            case .vendor(let set): return .vendor(set)
            case .text(let field, let source):
                let regex = try? NSRegularExpression(pattern: source, options: [.caseInsensitive])
                if regex == nil { invalid[name] = source }
                return .text(field, Pattern(source: source, regex: regex))
            case .hostDeviceType(let type): return .hostDeviceType(type)
            case .supplies: return .supplies
            case .printerMIB: return .printerMIB
            case .a3Tray: return .a3Tray
            case .rollTray: return .rollTray
            case .paperCapacity(let sheets): return .paperCapacity(sheets)
            case .vendorValue(let key): return .vendorValue(key)
            case .port(let ports): return .port(ports)
            case .any(let conditions): return .any(conditions.map { compile($0, name) })
            case .all(let conditions): return .all(conditions.map { compile($0, name) })
            case .not(let inner): return .not(compile(inner, name))
            }
        }
        rules = table.map { Rule(rule: $0, condition: compile($0.condition, $0.name)) }
        invalidPatterns = invalid
    }
}

/// One device's evidence prepared once for all rules: lower-cased texts and the vendor.
struct EvidenceView {
    let evidence: DeviceEvidence
    let vendor: String?
    let sysDescr: String
    let identity: String
    let manufacturer: String

    init(_ evidence: DeviceEvidence, vendor: String?) {
        self.evidence = evidence
        self.vendor = vendor
        sysDescr = (evidence.sysDescr ?? "").lowercased()
        manufacturer = evidence.entityManufacturers.joined(separator: " | ").lowercased()
        var parts: [String] = [evidence.sysDescr ?? ""]
        // A host's hrDevice rows are its drivers and adapters ("HP LaserJet ... PCL6" on a Windows PC): only a
        // device that is not a host OS names itself there.
        if !Self.isHostOS(sysDescr), let row = evidence.primaryDevice?.description { parts.append(row) }
        parts.append(evidence.printerName ?? "")
        parts += evidence.entityModels + evidence.entityManufacturers + evidence.entityDescriptions
        for key in evidence.vendorValues.keys.sorted() where Self.identityKeys.contains(where: key.hasSuffix) {
            parts.append(evidence.vendorValues[key] ?? "")
        }
        identity = parts.filter { !$0.isEmpty }.joined(separator: " | ").lowercased()
    }

    static let identityKeys = [".model", ".manufacturer", "ieee1284"]

    static func isHostOS(_ lowered: String) -> Bool {
        lowered.contains("windows") || lowered.hasPrefix("linux") || lowered.hasPrefix("freebsd") || lowered.hasPrefix("darwin")
    }

    func text(_ field: RuleCondition.Field) -> String {
        switch field {
        case .sysDescr: sysDescr
        case .identity: identity
        case .manufacturer: manufacturer
        }
    }
}

extension CompiledRules.Condition {
    /// Whether the condition holds; `matched` gets the first text a pattern found (shown in the reason).
    func holds(for view: EvidenceView, matched: inout String?) -> Bool {
        let evidence = view.evidence
        switch self {
        case .enterprise(let set):
            return evidence.enterprise.map(set.contains) ?? false
        case .vendor(let set):
            return view.vendor.map(set.contains) ?? false
        case .text(let field, let pattern):
            let text = view.text(field)
            guard !text.isEmpty, let regex = pattern.regex,
                  let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                  let range = Range(match.range, in: text) else { return false }
            if matched == nil { matched = String(text[range]).trimmingCharacters(in: .whitespaces) }
            return true
        case .hostDeviceType(let type):
            return evidence.hostDevices.contains { $0.type == type }
        case .supplies:
            return evidence.supplyCount > 0
        case .printerMIB:
            return evidence.supplyCount > 0 || evidence.hasPageCounter || evidence.printerSerial != nil
                || !evidence.inputTrays.isEmpty || evidence.printerName != nil
        case .a3Tray:
            return evidence.inputTrays.contains(where: \.takesA3)
        case .rollTray:
            return evidence.inputTrays.contains(where: \.isRoll)
        case .paperCapacity(let sheets):
            let total = evidence.inputTrays.filter { !$0.isRoll }.compactMap(\.maxCapacity).filter { $0 > 0 }.reduce(0, +)
            return total >= sheets
        case .vendorValue(let key):
            return !(evidence.vendorValues[key] ?? "").isEmpty
        case .port(let ports):
            return !evidence.openPorts.isDisjoint(with: ports)
        case .any(let conditions):
            var any = false
            for condition in conditions where condition.holds(for: view, matched: &matched) { any = true }
            return any
        case .all(let conditions):
            return conditions.allSatisfy { $0.holds(for: view, matched: &matched) }
        case .not(let inner):
            var ignored: String?
            return !inner.holds(for: view, matched: &ignored)
        }
    }
}
