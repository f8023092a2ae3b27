import KiemkeCore

/// How the classifier decided: the classification, every rule that fired, and the score of each kind.
public struct ClassificationDecision: Sendable {
    /// A rule that fired for this device, with the text its pattern found.
    public struct Signal: Sendable, Equatable {
        public var rule: String
        public var target: ClassificationRule.Target
        public var weight: Double
        public var reason: String
        public var matched: String?

        /// "sysDescr names a copier line (“bizhub”) → copier +2"
        public var sentence: String {
            let what: String = switch target {
            case .kind(let kind): kind.rawValue
            case .other(let thing): thing
            }
            let found = matched.map { " (“\($0)”)" } ?? ""
            let points = weight == weight.rounded() ? String(Int(weight)) : String(weight)
            return "\(reason)\(found) → \(what) +\(points)"
        }
    }

    public var classification: Classification
    public var signals: [Signal]
    /// Added weights per family: "computer", "camera", "scanner", "printing", "network", "other: a NAS"...
    public var scores: [String: Double]
}
