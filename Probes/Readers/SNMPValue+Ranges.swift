import KiemkeCore

/// How the readers take numbers from device values: only in the range the MIB gives the object.
extension SNMPValue {
    /// The value as a number when it is an integer type and lies in `range`; nil otherwise: a wrong type,
    /// an integer wider than its type (`tooWide`), or a number the MIB does not allow. A device value out
    /// of range is unknown, never a number it is not, and never reaches arithmetic that could trap.
    func integer(in range: ClosedRange<Int64>) -> Int64? {
        guard let value = intValue, range.contains(value) else { return nil }
        return value
    }

    /// Integer32, and enumerations (INTEGER { ... }).
    static let integer32 = Int64(Int32.min)...Int64(Int32.max)
    /// Counter32, Gauge32, Unsigned32.
    static let unsigned32 = Int64(0)...Int64(UInt32.max)
}
