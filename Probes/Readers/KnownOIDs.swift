import KiemkeCore
/// The numeric OIDs the readers ask for (Debian ships no MIB files, so no names are resolved).
enum KnownOIDs {
    // SNMPv2-MIB system group.
    static let sysDescr: OID = "1.3.6.1.2.1.1.1.0"
    static let sysObjectID: OID = "1.3.6.1.2.1.1.2.0"
    static let sysUpTime: OID = "1.3.6.1.2.1.1.3.0"
    static let sysContact: OID = "1.3.6.1.2.1.1.4.0"
    static let sysName: OID = "1.3.6.1.2.1.1.5.0"
    static let sysLocation: OID = "1.3.6.1.2.1.1.6.0"
    static let system: [OID] = [sysDescr, sysObjectID, sysUpTime, sysContact, sysName, sysLocation]

    // HOST-RESOURCES-MIB.
    static let hrStorageType: OID = "1.3.6.1.2.1.25.2.3.1.2"
    static let hrStorageDescr: OID = "1.3.6.1.2.1.25.2.3.1.3"
    static let hrStorageUnits: OID = "1.3.6.1.2.1.25.2.3.1.4"
    static let hrStorageSize: OID = "1.3.6.1.2.1.25.2.3.1.5"
    static let hrStorageUsed: OID = "1.3.6.1.2.1.25.2.3.1.6"
    static let hrDeviceType: OID = "1.3.6.1.2.1.25.3.2.1.2"
    static let hrDeviceDescr: OID = "1.3.6.1.2.1.25.3.2.1.3"
    static let hrDeviceStatus: OID = "1.3.6.1.2.1.25.3.2.1.5"
    static let hrProcessorLoad: OID = "1.3.6.1.2.1.25.3.3.1.2"
    static let hrPrinterStatus: OID = "1.3.6.1.2.1.25.3.5.1.1"
    static let hrPrinterDetectedErrorState: OID = "1.3.6.1.2.1.25.3.5.1.2"
    static let hostResources: [OID] = [
        hrDeviceType, hrDeviceDescr, hrDeviceStatus, hrProcessorLoad, hrPrinterStatus, hrPrinterDetectedErrorState,
        hrStorageType, hrStorageDescr, hrStorageUnits, hrStorageSize, hrStorageUsed,
    ]

    // Printer-MIB (RFC 3805) and ENTITY-MIB.
    static let prtGeneralSerialNumber: OID = "1.3.6.1.2.1.43.5.1.1.17"
    static let prtMarkerLifeCount: OID = "1.3.6.1.2.1.43.10.2.1.4"
    static let prtMarkerSuppliesColorantIndex: OID = "1.3.6.1.2.1.43.11.1.1.3"
    static let prtMarkerSuppliesType: OID = "1.3.6.1.2.1.43.11.1.1.5"
    static let prtMarkerSuppliesDescription: OID = "1.3.6.1.2.1.43.11.1.1.6"
    static let prtMarkerSuppliesMaxCapacity: OID = "1.3.6.1.2.1.43.11.1.1.8"
    static let prtMarkerSuppliesLevel: OID = "1.3.6.1.2.1.43.11.1.1.9"
    static let prtMarkerColorantValue: OID = "1.3.6.1.2.1.43.12.1.1.4"
    static let prtGeneralPrinterName: OID = "1.3.6.1.2.1.43.5.1.1.16"
    // prtInputTable: what each paper tray holds (A3 trays mark a copier-class machine).
    static let prtInputDimUnit: OID = "1.3.6.1.2.1.43.8.2.1.3"
    static let prtInputMediaDimFeedDirDeclared: OID = "1.3.6.1.2.1.43.8.2.1.4"
    static let prtInputMediaDimXFeedDirDeclared: OID = "1.3.6.1.2.1.43.8.2.1.5"
    static let prtInputMaxCapacity: OID = "1.3.6.1.2.1.43.8.2.1.9"
    static let prtInputMediaName: OID = "1.3.6.1.2.1.43.8.2.1.12"
    static let prtInputName: OID = "1.3.6.1.2.1.43.8.2.1.13"
    static let entPhysicalDescr: OID = "1.3.6.1.2.1.47.1.1.1.1.2"
    static let entPhysicalSerialNum: OID = "1.3.6.1.2.1.47.1.1.1.1.11"
    static let entPhysicalMfgName: OID = "1.3.6.1.2.1.47.1.1.1.1.12"
    static let entPhysicalModelName: OID = "1.3.6.1.2.1.47.1.1.1.1.13"
    static let printer: [OID] = [
        prtGeneralPrinterName, prtGeneralSerialNumber, prtInputDimUnit, prtInputMediaDimFeedDirDeclared,
        prtInputMediaDimXFeedDirDeclared, prtInputMaxCapacity, prtInputMediaName, prtInputName,
        prtMarkerLifeCount, prtMarkerSuppliesColorantIndex, prtMarkerSuppliesType,
        prtMarkerSuppliesDescription, prtMarkerSuppliesMaxCapacity, prtMarkerSuppliesLevel, prtMarkerColorantValue,
        entPhysicalDescr, entPhysicalSerialNum, entPhysicalMfgName, entPhysicalModelName,
    ]

    // IF-MIB.
    static let ifDescr: OID = "1.3.6.1.2.1.2.2.1.2"
    static let ifSpeed: OID = "1.3.6.1.2.1.2.2.1.5"
    static let ifPhysAddress: OID = "1.3.6.1.2.1.2.2.1.6"
    static let ifOperStatus: OID = "1.3.6.1.2.1.2.2.1.8"
    static let ifName: OID = "1.3.6.1.2.1.31.1.1.1.1"
    static let ifHighSpeed: OID = "1.3.6.1.2.1.31.1.1.1.15"
    static let interfaces: [OID] = [ifDescr, ifSpeed, ifPhysAddress, ifOperStatus, ifName, ifHighSpeed]

    /// Vendor scalars worth one GET: key, OID, and the sysObjectID enterprises that make it worth asking
    /// (an empty set: ask when the agent has no sysObjectID at all, as Hikvision cameras do).
    static let vendorScalars: [(key: String, oid: OID, enterprises: Set<UInt>)] = [
        ("hikvision.model", "1.3.6.1.4.1.39165.1.1.0", [39165]),
        ("hikvision.firmware", "1.3.6.1.4.1.39165.1.3.0", [39165]),
        ("kyocera.model", "1.3.6.1.4.1.1347.43.5.1.1.1.1", [1347]),
        ("kyocera.serial", "1.3.6.1.4.1.1347.43.5.1.1.28.1", [1347]),
        ("brother.serial", "1.3.6.1.4.1.2435.2.3.9.4.2.1.5.5.1.0", [2435]),
        ("canon.model", "1.3.6.1.4.1.1602.1.1.1.1.0", [1602]),
        ("canon.firmware", "1.3.6.1.4.1.1602.1.1.1.4.0", [1602]),
        ("dell.model", "1.3.6.1.4.1.674.10892.1.300.10.1.9.1", [311, 674, 8072]),
        ("dell.serial", "1.3.6.1.4.1.674.10892.1.300.10.1.11.1", [311, 674, 8072]),
        // HP (Compaq) Insight Manager agent on ProLiant servers: cpqSiProductName, cpqSiSysSerialNum.
        ("compaq.model", "1.3.6.1.4.1.232.2.2.4.2.0", [232, 311, 8072]),
        ("compaq.serial", "1.3.6.1.4.1.232.2.2.2.1.0", [232, 311, 8072]),
        ("kyocera.firmware", "1.3.6.1.4.1.1347.43.5.4.1.5.1.1", [1347]),
        // The IEEE 1284 device ID ("MFG:...;MDL:...;CLS:PRINTER;") HP and Brother print servers publish.
        ("ieee1284", "1.3.6.1.4.1.11.2.3.9.1.1.7.0", [11]),
        ("ieee1284", "1.3.6.1.4.1.2435.2.3.9.1.1.7.0", [2435]),
    ]

    /// Vendors whose private MIB we read even when sysObjectID is missing.
    static let enterprisesWithoutSysObjectID: Set<UInt> = [39165]

    /// The vendor scalars to ask a device whose sysObjectID names `enterprise` (nil: no sysObjectID).
    static func vendorScalars(for enterprise: UInt?) -> [(key: String, oid: OID)] {
        let wanted = enterprise.map { Set([$0]) } ?? enterprisesWithoutSysObjectID
        return vendorScalars.filter { !$0.enterprises.isDisjoint(with: wanted) }.map { ($0.key, $0.oid) }
    }
}
