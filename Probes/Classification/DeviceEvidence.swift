import KiemkeCore

/// Everything a device said that helps tell what it is: identity text, which MIBs answered and what the
/// printer's trays hold, vendor-MIB values, open TCP ports. Built by the readers; judged by `Classifier`.
public struct DeviceEvidence: Sendable, Equatable {
    public var sysDescr: String?
    public var sysObjectID: OID?
    /// hrDeviceTable rows (type and description).
    public var hostDevices: [HostDevice]
    /// Printer-MIB prtGeneralPrinterName.
    public var printerName: String?
    /// Printer-MIB prtGeneralSerialNumber.
    public var printerSerial: String?
    /// How many prtMarkerSupplies rows answered.
    public var supplyCount: Int
    /// Whether prtMarkerLifeCount (the page counter) answered.
    public var hasPageCounter: Bool
    /// Printer-MIB prtInputTable rows.
    public var inputTrays: [InputTray]
    /// ENTITY-MIB entPhysicalModelName, entPhysicalMfgName and entPhysicalDescr values.
    public var entityModels: [String]
    public var entityManufacturers: [String]
    public var entityDescriptions: [String]
    /// Values read from vendor MIBs, by key ("hikvision.model", "kyocera.serial", "ieee1284"...).
    public var vendorValues: [String: String]
    /// TCP ports that accepted a connection.
    public var openPorts: Set<UInt16>

    public init(sysDescr: String? = nil, sysObjectID: OID? = nil, hostDevices: [HostDevice] = [],
                printerName: String? = nil, printerSerial: String? = nil, supplyCount: Int = 0,
                hasPageCounter: Bool = false, inputTrays: [InputTray] = [], entityModels: [String] = [],
                entityManufacturers: [String] = [], entityDescriptions: [String] = [],
                vendorValues: [String: String] = [:], openPorts: Set<UInt16> = []) {
        self.sysDescr = sysDescr
        self.sysObjectID = sysObjectID
        self.hostDevices = hostDevices
        self.printerName = printerName
        self.printerSerial = printerSerial
        self.supplyCount = supplyCount
        self.hasPageCounter = hasPageCounter
        self.inputTrays = inputTrays
        self.entityModels = entityModels
        self.entityManufacturers = entityManufacturers
        self.entityDescriptions = entityDescriptions
        self.vendorValues = vendorValues
        self.openPorts = openPorts
    }

    /// The enterprise number of sysObjectID (1.3.6.1.4.1.N).
    public var enterprise: UInt? { SystemGroup(objectID: sysObjectID).enterprise }

    /// The hrDevice row that describes the device itself: the first printer row, else the first row.
    public var primaryDevice: HostDevice? { hostDevices.first { $0.type == "printer" } ?? hostDevices.first }
}
