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

    /// hrDeviceTypes (HOST-RESOURCES-TYPES 1.3.6.1.2.1.25.3.1.N) by N.
    static let typeNames: [UInt: String] = [
        1: "other", 2: "unknown", 3: "processor", 4: "network", 5: "printer", 6: "disk_storage", 10: "video",
        11: "audio", 12: "coprocessor", 13: "keyboard", 14: "modem", 15: "parallel_port", 16: "pointing",
        17: "serial_port", 18: "tape", 19: "clock", 20: "volatile_memory", 21: "non_volatile_memory",
    ]
    static let statusNames = [1: "unknown", 2: "running", 3: "warning", 4: "testing", 5: "down"]

    static func typeName(_ oid: OID?) -> String {
        guard let code = oid?.suffix(after: "1.3.6.1.2.1.25.3.1")?.first else { return "unknown" }
        return typeNames[code] ?? "other"
    }
}
