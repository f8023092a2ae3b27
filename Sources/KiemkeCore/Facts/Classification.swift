/// What a device is, by whom, which model, how sure, and why (a sentence a person can check).
public struct Classification: Sendable, Codable, Equatable {
    public var kind: DeviceKind
    public var vendor: String?
    public var model: String?
    /// 0...1: how much the deciding rule can be trusted.
    public var confidence: Double
    /// Why, e.g. "sysDescr names a Konica Minolta bizhub, a copier line."
    public var reason: String

    public init(kind: DeviceKind, vendor: String?, model: String?, confidence: Double, reason: String) {
        self.kind = kind
        self.vendor = vendor
        self.model = model
        self.confidence = confidence
        self.reason = reason
    }

    /// The classification when nothing the device answered matches a known kind.
    public static let unclassified = Classification(kind: .other, vendor: nil, model: nil, confidence: 0.1,
                                                    reason: "Nothing the device answered matches a known kind.")
}
