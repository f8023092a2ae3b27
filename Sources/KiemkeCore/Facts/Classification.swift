/// What a device is, by whom, which model, how sure, and why (sentences a person can check).
public struct Classification: Sendable, Codable, Equatable {
    public var kind: DeviceKind
    public var vendor: String?
    public var model: String?
    /// 0...1: how clearly the evidence points at `kind` rather than another kind.
    public var confidence: Double
    /// The decision in one sentence with its main evidence, e.g. "copier: sysDescr names a copier line
    /// (bizhub); Printer-MIB lists 5 supplies." (what the store keeps).
    public var reason: String
    /// Every piece of evidence that counted, strongest first, each with the kind it pointed at.
    public var reasons: [String]

    public init(kind: DeviceKind, vendor: String?, model: String?, confidence: Double, reason: String,
                reasons: [String] = []) {
        self.kind = kind
        self.vendor = vendor
        self.model = model
        self.confidence = confidence
        self.reason = reason
        self.reasons = reasons
    }

    /// The classification when nothing the device answered matches a known kind.
    public static let unclassified = Classification(kind: .other, vendor: nil, model: nil, confidence: 0.1,
                                                    reason: "Nothing the device answered matches a known kind.")
}
