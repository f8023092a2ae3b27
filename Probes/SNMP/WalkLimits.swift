import KiemkeCore

/// Bounds on one walk, so that a device with an endless or enormous table can neither hold a read nor
/// fill memory: rows per column, bytes per value, bytes in all.
public struct WalkLimits: Sendable, Equatable {
    /// Rows kept per column; a column with more is cut there (`WalkResult.cutColumns`).
    public var maxRowsPerColumn: Int
    /// Bytes kept of one OCTET STRING or Opaque value; longer ones are cut (`WalkResult.cutValues`).
    public var maxValueBytes: Int
    /// Bytes kept in all (names and values, roughly as held in memory); the walk stops there.
    public var maxTotalBytes: Int

    /// Limits for one walk.
    public init(maxRowsPerColumn: Int = 10_000, maxValueBytes: Int = 4_096, maxTotalBytes: Int = 16 << 20) {
        self.maxRowsPerColumn = max(1, maxRowsPerColumn)
        self.maxValueBytes = max(1, maxValueBytes)
        self.maxTotalBytes = max(1, maxTotalBytes)
    }

    /// 10,000 rows per column, 4 KB per value, 16 MB in all.
    public static let standard = WalkLimits()
}

extension SNMPValue {
    /// The value with an OCTET STRING or Opaque cut to at most `maxBytes` (at a UTF-8 character boundary
    /// when the cut falls inside one), and whether it was cut.
    public func cut(to maxBytes: Int) -> (value: SNMPValue, wasCut: Bool) {
        switch self {
        case .octets(let bytes) where bytes.count > maxBytes:
            return (.octets(Self.prefix(bytes, maxBytes)), true)
        case .opaque(let bytes) where bytes.count > maxBytes:
            return (.opaque(Self.prefix(bytes, maxBytes)), true)
        default:
            return (self, false)
        }
    }

    private static func prefix(_ bytes: [UInt8], _ maxBytes: Int) -> [UInt8] {
        var end = max(0, maxBytes)
        // bytes[end] exists (bytes.count > maxBytes): while it continues a UTF-8 character, the character
        // started before the cut; leave all of it out.
        var backed = 0
        while end > 0, backed < 4, bytes[end] & 0xC0 == 0x80 {
            end -= 1
            backed += 1
        }
        return Array(bytes[..<end])
    }

    /// Roughly the bytes this value holds in memory.
    var approximateSize: Int {
        switch self {
        case .octets(let b), .opaque(let b), .ipAddress(let b): 32 + b.count
        case .oid(let o): 32 + 8 * o.components.count
        default: 16
        }
    }
}

extension VarBind {
    /// Roughly the bytes this variable holds in memory (name and value).
    var approximateSize: Int { 32 + 8 * oid.components.count + value.approximateSize }
}
