import KiemkeCore

/// An inventory device as discovery compares against it: its name, kind, address and identity evidence.
public struct KnownDevice: Sendable, Equatable {
    public var name: String
    public var kind: DeviceKind
    public var address: String
    /// MACs seen for it (lowercase, colon-separated).
    public var macs: Set<String>
    public var serial: String?
    public var sysName: String?
    public var engineID: String?

    public init(name: String, kind: DeviceKind, address: String, macs: Set<String> = [], serial: String? = nil,
                sysName: String? = nil, engineID: String? = nil) {
        self.name = name
        self.kind = kind
        self.address = address
        self.macs = macs
        self.serial = serial
        self.sysName = sysName
        self.engineID = engineID
    }
}
