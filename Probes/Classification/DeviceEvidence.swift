import Foundation
import KiemkeCore

/// What the classifier looks at: the identity the agent gave and which MIBs answered.
public struct DeviceEvidence: Sendable, Equatable {
    public var sysDescr: String?
    public var sysObjectID: OID?
    /// Printer-MIB (1.3.6.1.2.1.43) answered with supplies, a serial, or a page counter.
    public var answersPrinterMIB: Bool
    /// hrDeviceType of each hrDevice row ("printer", "processor", ...).
    public var deviceTypes: [String]
    /// hrDeviceDescr of the first printer row, else of the first row.
    public var primaryDeviceDescription: String?
    /// Values read from vendor MIBs, by key ("hikvision.model", "kyocera.serial", ...).
    public var vendorValues: [String: String]

    public init(sysDescr: String? = nil, sysObjectID: OID? = nil, answersPrinterMIB: Bool = false,
                deviceTypes: [String] = [], primaryDeviceDescription: String? = nil, vendorValues: [String: String] = [:]) {
        self.sysDescr = sysDescr
        self.sysObjectID = sysObjectID
        self.answersPrinterMIB = answersPrinterMIB
        self.deviceTypes = deviceTypes
        self.primaryDeviceDescription = primaryDeviceDescription
        self.vendorValues = vendorValues
    }

    /// The enterprise number of sysObjectID (1.3.6.1.4.1.N).
    public var enterprise: UInt? { SystemGroup(objectID: sysObjectID).enterprise }

    /// All descriptive text, for rules that look for a model line anywhere.
    var allText: String {
        ([sysDescr, primaryDeviceDescription] + vendorValues.keys.sorted().filter { $0.hasSuffix(".model") }.map { vendorValues[$0] })
            .compactMap { $0 }.joined(separator: " | ")
    }

    /// Anything that says the device prints.
    var hasPrinterEvidence: Bool {
        answersPrinterMIB || deviceTypes.contains("printer")
            || (sysDescr?.range(of: "print", options: .caseInsensitive) != nil)
    }
}
