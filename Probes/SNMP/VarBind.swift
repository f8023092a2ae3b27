import KiemkeCore
/// One variable binding of a response: the OID asked or found, and its value.
public struct VarBind: Sendable, Hashable, Codable, CustomStringConvertible {
    public var oid: OID
    public var value: SNMPValue

    /// Pairs an OID with its value.
    public init(oid: OID, value: SNMPValue) {
        self.oid = oid
        self.value = value
    }

    public var description: String { "\(oid) = \(value)" }
}
