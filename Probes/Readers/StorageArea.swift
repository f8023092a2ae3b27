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

    /// Builds a row from raw hrStorage columns.
    init(description: String?, typeOID: OID?, units: Int64?, size: Int64?, used: Int64?) {
        var name = description ?? "storage"
        if let range = name.range(of: " Label:") { name = String(name[..<range.lowerBound]) }
        self.name = name
        let code = typeOID.flatMap { $0.suffix(after: "1.3.6.1.2.1.25.2.1")?.first } ?? 1
        type = Self.typeNames[code] ?? "other"
        isDisk = Self.diskTypes.contains(code)
        let unit = max(units ?? 1, 1)
        sizeBytes = size.map { $0 * unit }
        usedBytes = used.map { $0 * unit }
        if let size, let used, size > 0, used >= 0 {
            usedPct = (Double(used) * 1000 / Double(size)).rounded() / 10
        } else {
            usedPct = nil
        }
    }

    /// hrStorageTypes (HOST-RESOURCES-TYPES) by last sub-identifier.
    static let typeNames: [UInt: String] = [
        1: "other", 2: "ram", 3: "virtual_memory", 4: "fixed_disk", 5: "removable_disk", 6: "floppy",
        7: "cd", 8: "ram_disk", 9: "flash", 10: "network_disk",
    ]
    static let diskTypes: Set<UInt> = [4, 5, 6, 7, 9, 10]

    enum CodingKeys: String, CodingKey {
        case name, type, isDisk = "is_disk", sizeBytes = "size_bytes", usedBytes = "used_bytes", usedPct = "used_pct"
    }
}
