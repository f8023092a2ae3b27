import KiemkeCore

/// One row of the evidence table: when `condition` holds, `weight` points towards `target`, for `reason`.
///
/// Rules do not decide alone and their order does not matter: `Classifier` adds up the weights of every rule
/// that fires and picks the kind with the most (see `Classifier` for how copier and printer are told apart).
public struct ClassificationRule: Sendable {
    /// What a rule's weight counts towards.
    public enum Target: Sendable, Equatable, Hashable {
        /// A kind. `.copier` also counts as "it prints", and says the printer is of the copier class;
        /// `.scanner` counts as "it scans", which makes a printer a multifunction one rather than a scanner.
        case kind(DeviceKind)
        /// Something kiemke does not count as a kind of its own (a NAS, a PBX...): the device becomes "other"
        /// with this description when it wins.
        case other(String)
    }

    /// A stable name, used by tests and shown beside the reason.
    public var name: String
    public var target: Target
    /// How strongly the evidence points at `target`: 0.5 a hint, 1 a vendor's usual line, 2-3 a statement.
    public var weight: Double
    public var condition: RuleCondition
    /// Why, in words a person can check against the device ("sysDescr names a network camera").
    public var reason: String

    public init(_ name: String, _ target: Target, _ weight: Double, _ condition: RuleCondition, _ reason: String) {
        self.name = name
        self.target = target
        self.weight = weight
        self.condition = condition
        self.reason = reason
    }
}
