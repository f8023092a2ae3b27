import KiemkeCore
/// Decodes hrPrinterDetectedErrorState (RFC 3805 / RFC 2790): an OCTET STRING bitmask, bit 0 = MSB of byte 0.
public enum PrinterErrorState {
    /// Condition names by bit number.
    public static let conditionNames = [
        "low paper", "no paper", "low toner", "no toner", "door open", "jammed", "offline", "service requested",
        "input tray missing", "output tray missing", "marker supply missing", "output near full", "output full",
        "input tray empty", "overdue preventive maintenance",
    ]

    /// The octets RFC 3805 defines bits in (15 conditions); readers ignore any beyond them.
    public static let octets = 2

    /// The named conditions set in `bytes`, in bit order; an empty string means no condition.
    public static func conditions(_ bytes: [UInt8]) -> [String] {
        var names: [String] = []
        for (byteIndex, byte) in bytes.enumerated() {
            for bitInByte in 0..<8 where byte & (0x80 >> bitInByte) != 0 {
                let bit = byteIndex * 8 + bitInByte
                names.append(bit < conditionNames.count ? conditionNames[bit] : "condition \(bit)")
            }
        }
        return names
    }
}
