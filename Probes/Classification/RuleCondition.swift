/// What must hold for a rule to fire: data, so the table stays a table. Text patterns are regular
/// expressions, matched ignoring case; they are compiled once (`CompiledRules`).
public indirect enum RuleCondition: Sendable {
    /// Where a text pattern looks.
    public enum Field: String, Sendable {
        /// sysDescr only.
        case sysDescr
        /// Everything that names the product: sysDescr, the main hrDevice row (not a computer's printer
        /// drivers), prtGeneralPrinterName, ENTITY-MIB model/maker/description, vendor-MIB models, IEEE 1284 ID.
        case identity
        /// ENTITY-MIB maker names only.
        case manufacturer
    }

    /// sysObjectID's enterprise is one of these.
    case enterprise(Set<UInt>)
    /// The vendor kiemke worked out (`VendorRegistry`) is one of these.
    case vendor(Set<String>)
    /// A regular expression found in a field.
    case text(Field, String)
    /// An hrDeviceTable row has this hrDeviceType ("printer", "processor"...).
    case hostDeviceType(String)
    /// Printer-MIB lists marker supplies.
    case supplies
    /// Printer-MIB answers: supplies, page counter, serial, trays or printer name.
    case printerMIB
    /// A Printer-MIB sheet tray takes A3 or larger.
    case a3Tray
    /// A Printer-MIB input is a roll (plotters, label printers).
    case rollTray
    /// The sheet trays together hold at least this many sheets (the paper deck of an office copier).
    case paperCapacity(atLeast: Int)
    /// A vendor-MIB value with this key was read.
    case vendorValue(String)
    /// One of these TCP ports accepted a connection.
    case port(Set<UInt16>)
    /// At least one condition holds.
    case any([RuleCondition])
    /// Every condition holds.
    case all([RuleCondition])
    /// The condition does not hold.
    case not(RuleCondition)
}
