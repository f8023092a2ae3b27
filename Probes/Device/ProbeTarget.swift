import KiemkeCore
/// One device to probe: where it is, what it is, which ports and SNMP settings to try.
public struct ProbeTarget: Sendable, Hashable {
    public var address: IPAddress
    public var kind: DeviceKind
    /// TCP ports to try; the kind's defaults when nil.
    public var tcpPorts: [UInt16]?
    /// How to read the device over SNMP; nil to not try SNMP.
    public var snmp: SNMPSettings?

    public init(address: IPAddress, kind: DeviceKind, tcpPorts: [UInt16]? = nil, snmp: SNMPSettings? = nil) {
        self.address = address
        self.kind = kind
        self.tcpPorts = tcpPorts
        self.snmp = snmp
    }

    /// The ports this probe tries.
    public var ports: [UInt16] { tcpPorts ?? kind.defaultTCPPorts }
}
