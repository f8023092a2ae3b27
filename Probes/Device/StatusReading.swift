import KiemkeCore
/// What one liveness SNMP GET said besides "I am here": uptime, and a printer's error state.
public struct StatusReading: Sendable, Equatable {
    /// sysUpTime in hundredths of a second.
    public var uptimeTicks: UInt32?
    /// Decoded hrPrinterDetectedErrorState of the printer row ("low toner", "jammed"...), when asked.
    public var printerConditions: [String]?
    /// hrDeviceStatus of the printer row ("running", "warning", "down"...), when asked.
    public var deviceStatus: String?

    public init(uptimeTicks: UInt32? = nil, printerConditions: [String]? = nil, deviceStatus: String? = nil) {
        self.uptimeTicks = uptimeTicks
        self.printerConditions = printerConditions
        self.deviceStatus = deviceStatus
    }

    /// The OIDs one GET asks: sysUpTime, and the printer row's error state and status when given.
    static func oids(printerRow: UInt?) -> [OID] {
        guard let row = printerRow else { return [KnownOIDs.sysUpTime] }
        return [KnownOIDs.sysUpTime, KnownOIDs.hrPrinterDetectedErrorState.appending(row),
                KnownOIDs.hrDeviceStatus.appending(row)]
    }

    /// Reads the answer to `oids(printerRow:)`; exceptions (noSuchInstance) leave values nil.
    init(_ binds: [VarBind], printerRow: UInt?) {
        for bind in binds where !bind.value.isException {
            if bind.oid == KnownOIDs.sysUpTime, case .timeTicks(let ticks) = bind.value {
                uptimeTicks = ticks
            } else if let row = printerRow, bind.oid == KnownOIDs.hrPrinterDetectedErrorState.appending(row) {
                printerConditions = bind.value.bytes.map(PrinterErrorState.conditions)
            } else if let row = printerRow, bind.oid == KnownOIDs.hrDeviceStatus.appending(row) {
                deviceStatus = bind.value.intValue.map { HostDevice.statusNames[Int($0)] ?? "unknown" }
            }
        }
    }
}
