import Foundation
import KiemkeCore

/// How the readers build a `StorageArea` from what the MIB columns hold.
extension StorageArea {
    /// Builds a row from raw hrStorage columns.
    init(description: String?, typeOID: OID?, units: Int64?, size: Int64?, used: Int64?) {
        var name = description ?? "storage"
        if let range = name.range(of: " Label:") { name = String(name[..<range.lowerBound]) }
        let code = typeOID.flatMap { $0.suffix(after: "1.3.6.1.2.1.25.2.1")?.first } ?? 1
        let unit = max(units ?? 1, 1)
        // Negative numbers are no sizes; used beyond size is no percentage.
        let size = size.flatMap { $0 >= 0 ? $0 : nil }
        let used = used.flatMap { $0 >= 0 ? $0 : nil }
        var usedPct: Double? = nil
        if let size, let used, size > 0, used <= size {
            usedPct = (Double(used) * 1000 / Double(size)).rounded() / 10
        }
        self.init(name: name, type: Self.typeNames[code] ?? "other", isDisk: Self.diskTypes.contains(code),
                  sizeBytes: size.flatMap { Self.bytes($0, unit: unit) }, usedBytes: used.flatMap { Self.bytes($0, unit: unit) },
                  usedPct: usedPct)
    }

    /// `count × unit` bytes, or nil (unknown) when the product does not fit: device numbers never trap.
    static func bytes(_ count: Int64, unit: Int64) -> Int64? {
        let (product, overflow) = count.multipliedReportingOverflow(by: unit)
        return overflow ? nil : product
    }

    /// hrStorageTypes (HOST-RESOURCES-TYPES) by last sub-identifier.
    static let typeNames: [UInt: String] = [
        1: "other", 2: "ram", 3: "virtual_memory", 4: "fixed_disk", 5: "removable_disk", 6: "floppy",
        7: "cd", 8: "ram_disk", 9: "flash", 10: "network_disk",
    ]
    static let diskTypes: Set<UInt> = [4, 5, 6, 7, 9, 10]
}
