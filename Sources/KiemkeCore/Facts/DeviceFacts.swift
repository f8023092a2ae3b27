/// Everything the readers learned about one device over SNMP, with its classification.
///
/// Unknown values are nil, never guessed. `notes` says which parts could not be read (the rest is kept).
public struct DeviceFacts: Sendable, Codable, Equatable {
    public var address: String
    public var classification: Classification
    public var system: SystemGroup
    public var serial: String?
    /// Where the serial came from ("Printer-MIB prtGeneralSerialNumber", "ENTITY-MIB", "sysDescr SN:", a vendor MIB).
    public var serialSource: String?
    public var firmware: String?
    /// hrDeviceStatus of the main device (the printer row of a printer): "running", "warning", "down"...
    public var deviceStatus: String?
    /// hrPrinterStatus: "other", "unknown", "idle", "printing", "warmup".
    public var printerStatus: String?
    /// Decoded hrPrinterDetectedErrorState: "low toner", "jammed", "service requested"...
    public var conditions: [String]
    public var supplies: [PrinterSupply]
    /// prtMarkerLifeCount of the first marker (pages or impressions printed in the device's life).
    public var pageCount: Int64?
    public var storage: [StorageArea]
    /// hrProcessorLoad per processor, percent.
    public var processorLoads: [Int]
    public var interfaces: [NetworkInterface]
    public var devices: [HostDevice]
    /// The SNMPv3 authoritative engine ID (lowercase hex) of a device read over v3: identity evidence.
    public var engineID: String?
    /// What could not be read, e.g. "Printer-MIB walk incomplete: no SNMP answer from ...".
    public var notes: [String]

    public var kind: DeviceKind { classification.kind }
    public var vendor: String? { classification.vendor }
    public var model: String? { classification.model }

    public init(address: String, classification: Classification = .unclassified,
                system: SystemGroup = SystemGroup(), serial: String? = nil, serialSource: String? = nil,
                firmware: String? = nil, deviceStatus: String? = nil, printerStatus: String? = nil,
                conditions: [String] = [], supplies: [PrinterSupply] = [], pageCount: Int64? = nil,
                storage: [StorageArea] = [], processorLoads: [Int] = [], interfaces: [NetworkInterface] = [],
                devices: [HostDevice] = [], notes: [String] = []) {
        self.address = address
        self.classification = classification
        self.system = system
        self.serial = serial
        self.serialSource = serialSource
        self.firmware = firmware
        self.deviceStatus = deviceStatus
        self.printerStatus = printerStatus
        self.conditions = conditions
        self.supplies = supplies
        self.pageCount = pageCount
        self.storage = storage
        self.processorLoads = processorLoads
        self.interfaces = interfaces
        self.devices = devices
        self.notes = notes
    }

    enum CodingKeys: String, CodingKey {
        case address, kind, vendor, model, confidence, reason, reasons, system, serial, serialSource = "serial_source"
        case firmware, deviceStatus = "device_status", printerStatus = "printer_status", conditions, supplies
        case pageCount = "page_count", storage, processorLoads = "processor_loads", interfaces, devices, notes
        case engineID = "engine_id"
    }

    // The classification is flattened into the top level: consumers read "kind", "vendor", "model".
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        address = try c.decode(String.self, forKey: .address)
        classification = Classification(
            kind: try c.decode(DeviceKind.self, forKey: .kind), vendor: try c.decodeIfPresent(String.self, forKey: .vendor),
            model: try c.decodeIfPresent(String.self, forKey: .model), confidence: try c.decode(Double.self, forKey: .confidence),
            reason: try c.decode(String.self, forKey: .reason),
            reasons: try c.decodeIfPresent([String].self, forKey: .reasons) ?? [])
        system = try c.decode(SystemGroup.self, forKey: .system)
        serial = try c.decodeIfPresent(String.self, forKey: .serial)
        serialSource = try c.decodeIfPresent(String.self, forKey: .serialSource)
        firmware = try c.decodeIfPresent(String.self, forKey: .firmware)
        deviceStatus = try c.decodeIfPresent(String.self, forKey: .deviceStatus)
        printerStatus = try c.decodeIfPresent(String.self, forKey: .printerStatus)
        conditions = try c.decode([String].self, forKey: .conditions)
        supplies = try c.decode([PrinterSupply].self, forKey: .supplies)
        pageCount = try c.decodeIfPresent(Int64.self, forKey: .pageCount)
        storage = try c.decode([StorageArea].self, forKey: .storage)
        processorLoads = try c.decode([Int].self, forKey: .processorLoads)
        interfaces = try c.decode([NetworkInterface].self, forKey: .interfaces)
        devices = try c.decode([HostDevice].self, forKey: .devices)
        notes = try c.decode([String].self, forKey: .notes)
        engineID = try c.decodeIfPresent(String.self, forKey: .engineID)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(address, forKey: .address)
        try c.encode(classification.kind, forKey: .kind)
        try c.encode(classification.vendor, forKey: .vendor)
        try c.encode(classification.model, forKey: .model)
        try c.encode(classification.confidence, forKey: .confidence)
        try c.encode(classification.reason, forKey: .reason)
        try c.encode(classification.reasons, forKey: .reasons)
        try c.encode(system, forKey: .system)
        try c.encode(serial, forKey: .serial)
        try c.encode(serialSource, forKey: .serialSource)
        try c.encode(firmware, forKey: .firmware)
        try c.encode(deviceStatus, forKey: .deviceStatus)
        try c.encode(printerStatus, forKey: .printerStatus)
        try c.encode(conditions, forKey: .conditions)
        try c.encode(supplies, forKey: .supplies)
        try c.encode(pageCount, forKey: .pageCount)
        try c.encode(storage, forKey: .storage)
        try c.encode(processorLoads, forKey: .processorLoads)
        try c.encode(interfaces, forKey: .interfaces)
        try c.encode(devices, forKey: .devices)
        try c.encode(notes, forKey: .notes)
        // Only for v3 reads: the facts of v1/v2c devices keep the shape they always had.
        try c.encodeIfPresent(engineID, forKey: .engineID)
    }
}
