import KiemkeCore
/// What a read collected before interpretation: scalars, table columns, vendor values, failures.
struct RawDeviceData: Sendable {
    var scalars: [OID: SNMPValue] = [:]
    var columns: [OID: [VarBind]] = [:]
    var vendorValues: [String: String] = [:]
    var notes: [String] = []
    /// The SNMPv3 engine ID the session learned (empty for v1/v2c).
    var engineID: [UInt8] = []

    /// The rows of a column keyed by their index (the OID part after the column).
    func rows(_ column: OID) -> [(index: [UInt], value: SNMPValue)] {
        (columns[column] ?? []).compactMap { bind in bind.oid.suffix(after: column).map { ($0, bind.value) } }
    }

    /// A column as a dictionary by row index.
    func column(_ column: OID) -> [[UInt]: SNMPValue] {
        Dictionary(rows(column).map { ($0.index, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// The row indexes present in any of `columns`, in table order.
    func rowIndexes(_ columns: [[UInt]: SNMPValue]...) -> [[UInt]] {
        columns.reduce(into: Set<[UInt]>()) { $0.formUnion($1.keys) }.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// A scalar's value, nil when absent or an exception.
    func scalar(_ oid: OID) -> SNMPValue? {
        guard let value = scalars[oid], !value.isException else { return nil }
        return value
    }
}
