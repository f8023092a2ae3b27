import KiemkeCore

/// One address that answered a sweep, with what it said about itself.
public struct SweepFinding: Sendable, Equatable {
    public var address: IPAddress
    /// The MAC address (lowercase, colon-separated): the neighbour table's, else the device's own IF-MIB.
    public var mac: String?
    public var kind: DeviceKind
    public var vendor: String?
    public var model: String?
    public var serial: String?
    public var sysName: String?
    /// The SNMPv3 engine ID (hex) of a device that answered v3.
    public var engineID: String?
    /// How it answered: "icmp", "tcp:445", "snmp", in that order.
    public var answeredBy: [String]
    /// Which of the credentials answered (index into `SweepOptions.credentials`).
    public var credentialIndex: Int?
    /// What the full SNMP read found, when SNMP answered.
    public var facts: DeviceFacts?

    public init(address: IPAddress, mac: String? = nil, kind: DeviceKind = .other, vendor: String? = nil,
                model: String? = nil, serial: String? = nil, sysName: String? = nil, engineID: String? = nil,
                answeredBy: [String] = [], credentialIndex: Int? = nil, facts: DeviceFacts? = nil) {
        self.address = address
        self.mac = mac
        self.kind = kind
        self.vendor = vendor
        self.model = model
        self.serial = serial
        self.sysName = sysName
        self.engineID = engineID
        self.answeredBy = answeredBy
        self.credentialIndex = credentialIndex
        self.facts = facts
    }
}
