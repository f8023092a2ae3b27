/// One row of HOST-RESOURCES hrDeviceTable: a printer, processor, network card, disk... of the host.
public struct HostDevice: Sendable, Codable, Equatable {
    public var index: UInt
    /// "printer", "processor", "network", "disk_storage", "other", ... from hrDeviceType.
    public var type: String
    public var description: String?
    /// hrDeviceStatus: "unknown", "running", "warning", "testing", "down".
    public var status: String?

    public init(index: UInt, type: String, description: String?, status: String?) {
        self.index = index
        self.type = type
        self.description = description
        self.status = status
    }
}
