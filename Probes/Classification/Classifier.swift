import KiemkeCore

/// Decides kind, vendor and model from the evidence: every rule of `ClassificationRules` that fires adds its
/// weight to what it points at, and the highest total wins.
///
/// - Printing: `.printer` and `.copier` rules both count as "it prints". A printer is a copier ("máy
///   photocopy") when the copier-class rules (a copier line, an A3 tray, a scanner unit with a finisher, a
///   paper deck) reach `copierThreshold`; otherwise it is a printer ("máy in"), also when it scans — a desktop
///   multifunction printer — and the reason says the conservative choice was made.
/// - Scanning beside printing makes a multifunction printer, not a scanner.
/// - Below `minimumScore` nothing is placed: the device is "other", with what little was seen.
public enum Classifier {
    /// The total a kind needs before kiemke names it.
    public static let minimumScore = 1.0
    /// The copier-class total that makes a printing device a copier.
    public static let copierThreshold = 1.5

    /// Patterns of the table that did not compile, by rule name (a test keeps this empty).
    public static var invalidPatterns: [String: String] { CompiledRules.shared.invalidPatterns }

    /// The classification of one device.
    public static func classify(_ evidence: DeviceEvidence) -> Classification {
        decide(evidence).classification
    }

    /// The classification with every signal behind it.
    public static func decide(_ evidence: DeviceEvidence) -> ClassificationDecision {
        let vendor = vendor(for: evidence)
        let view = EvidenceView(evidence, vendor: vendor)
        var signals: [ClassificationDecision.Signal] = []
        for compiled in CompiledRules.shared.rules {
            var matched: String?
            guard compiled.condition.holds(for: view, matched: &matched) else { continue }
            let rule = compiled.rule
            signals.append(.init(rule: rule.name, target: rule.target, weight: rule.weight, reason: rule.reason, matched: matched))
        }
        signals.sort { $0.weight > $1.weight }

        var scores: [String: Double] = [:]
        var copierScore = 0.0
        for signal in signals { scores[family(signal.target), default: 0] += signal.weight }
        for signal in signals where signal.target == .kind(.copier) { copierScore += signal.weight }
        let printing = scores["printing"] ?? 0
        let scans = (scores["scanner"] ?? 0) > 0
        if printing >= minimumScore { scores["scanner"] = nil }   // a printer that scans: multifunction

        let ranked = scores.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let top = ranked.first
        let runnerUp = ranked.dropFirst().first?.value ?? 0
        var kind = DeviceKind.other
        var notes: [String] = []
        var winning: [ClassificationDecision.Signal] = []
        if let top, top.value >= minimumScore {
            winning = signals.filter { family($0.target) == top.key }
            if top.key == "printing", copierScore >= copierThreshold {
                // A copier's reason leads with what makes it one.
                winning = winning.filter { $0.target == .kind(.copier) } + winning.filter { $0.target != .kind(.copier) }
            }
            switch top.key {
            case "printing":
                if copierScore >= copierThreshold {
                    kind = .copier
                } else {
                    kind = .printer
                    if scans || copierScore > 0 {
                        notes.append("it prints\(scans ? " and scans" : ""), but nothing shows a copier class (A3 paper, a copier line, a finisher): counted as a printer (máy in), the conservative choice")
                    }
                }
            case let key where key.hasPrefix("other: "):
                notes.append("it is \(key.dropFirst("other: ".count)), which kiemke counts as other")
            default:
                kind = DeviceKind(rawValue: top.key) ?? .other
            }
        } else {
            notes.append(signals.isEmpty
                ? "kiemke cannot place it: nothing it answered points at a kind"
                : "kiemke cannot place it: the evidence is too thin")
        }
        let confidence = top.map { max(0.1, min(0.99, $0.value / ($0.value + runnerUp + 1))) } ?? 0.1
        let main = winning.prefix(3).map { sentence($0) }
        let reason = "\(kind.rawValue): " + (main + notes).joined(separator: "; ") + "."
        let classification = Classification(
            kind: kind, vendor: vendor, model: IdentityExtractor.model(evidence, vendor: vendor, kind: kind),
            confidence: (confidence * 100).rounded() / 100, reason: reason,
            reasons: signals.map(\.sentence) + notes)
        return ClassificationDecision(classification: classification, signals: signals, scores: scores)
    }

    /// The vendor: a hardware maker's MIB, then the maker a device names (sysDescr, its printer row, ENTITY-MIB,
    /// IEEE 1284 ID), then sysObjectID's enterprise in the IANA registry.
    public static func vendor(for evidence: DeviceEvidence) -> String? {
        for (key, vendor) in hardwareVendorKeys where !(evidence.vendorValues[key] ?? "").isEmpty { return vendor }
        if let sysDescr = evidence.sysDescr, let brand = VendorRegistry.brand(atStartOf: sysDescr) { return brand.vendor }
        if let row = evidence.primaryDevice?.description, !EvidenceView.isHostOS((evidence.sysDescr ?? "").lowercased()),
           let brand = VendorRegistry.brand(atStartOf: row) { return brand.vendor }
        for maker in evidence.entityManufacturers { if let brand = VendorRegistry.brand(in: maker) { return brand } }
        if let id = evidence.vendorValues["ieee1284"], let maker = IdentityExtractor.ieee1284(id, "MFG"),
           let brand = VendorRegistry.brand(in: maker) { return brand }
        return evidence.enterprise.flatMap { VendorRegistry.enterprises[$0] }
    }

    /// Vendor-MIB keys that say who built the hardware (a Dell or HP server running Windows).
    static let hardwareVendorKeys: [(String, String)] = [("hikvision.model", "Hikvision"), ("dell.model", "Dell"), ("compaq.model", "HP")]

    static func family(_ target: ClassificationRule.Target) -> String {
        switch target {
        case .kind(.printer), .kind(.copier): "printing"
        case .kind(let kind): kind.rawValue
        case .other(let thing): "other: \(thing)"
        }
    }

    static func sentence(_ signal: ClassificationDecision.Signal) -> String {
        signal.reason + (signal.matched.map { " (“\($0)”)" } ?? "")
    }
}
