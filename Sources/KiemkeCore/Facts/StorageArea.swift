/// One row of HOST-RESOURCES hrStorageTable: a disk, memory, or other storage area.
public struct StorageArea: Sendable, Codable, Equatable {
    /// hrStorageDescr, with Windows' " Label:... Serial Number ..." tail removed ("C:\").
    public var name: String
    /// "fixed_disk", "removable_disk", "ram", "virtual_memory", "cd", "flash", "network_disk", ... from hrStorageType.
    public var type: String
    /// Whether this is a disk-like area (as opposed to memory).
    public var isDisk: Bool
    public var sizeBytes: Int64?
    public var usedBytes: Int64?
    /// Used space in percent, one decimal; nil when the size is zero or unknown.
    public var usedPct: Double?

    public init(name: String, type: String, isDisk: Bool, sizeBytes: Int64?, usedBytes: Int64?, usedPct: Double?) {
        self.name = name
        self.type = type
        self.isDisk = isDisk
        self.sizeBytes = sizeBytes
        self.usedBytes = usedBytes
        self.usedPct = usedPct
    }

    enum CodingKeys: String, CodingKey {
        case name, type, isDisk = "is_disk", sizeBytes = "size_bytes", usedBytes = "used_bytes", usedPct = "used_pct"
    }
}
