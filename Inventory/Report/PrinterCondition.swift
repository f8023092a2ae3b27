import KiemkeCore
/// A condition a printer reports in hrPrinterDetectedErrorState, as the readers name it in `DeviceFacts.conditions`.
public enum PrinterCondition: Sendable, Equatable, Hashable {
    case lowPaper, noPaper, lowToner, noToner, doorOpen, jammed, offline, serviceRequested
    case inputTrayMissing, outputTrayMissing, markerSupplyMissing, outputNearFull, outputFull, inputTrayEmpty
    case overduePreventiveMaintenance
    /// A condition the readers named but this list does not know ("condition 17"); shown as read.
    case other(String)

    /// Every named condition, in the bit order of RFC 3805.
    public static let named: [PrinterCondition] = [
        .lowPaper, .noPaper, .lowToner, .noToner, .doorOpen, .jammed, .offline, .serviceRequested,
        .inputTrayMissing, .outputTrayMissing, .markerSupplyMissing, .outputNearFull, .outputFull, .inputTrayEmpty,
        .overduePreventiveMaintenance,
    ]

    /// The condition the readers wrote as `name` ("low toner"), or `.other(name)`.
    public init(name: String) {
        self = Self.named.first { $0.name == name } ?? .other(name)
    }

    /// The name the readers write (Probes' `PrinterErrorState.conditionNames`), which the JSON and `status` show.
    public var name: String {
        switch self {
        case .lowPaper: "low paper"
        case .noPaper: "no paper"
        case .lowToner: "low toner"
        case .noToner: "no toner"
        case .doorOpen: "door open"
        case .jammed: "jammed"
        case .offline: "offline"
        case .serviceRequested: "service requested"
        case .inputTrayMissing: "input tray missing"
        case .outputTrayMissing: "output tray missing"
        case .markerSupplyMissing: "marker supply missing"
        case .outputNearFull: "output near full"
        case .outputFull: "output full"
        case .inputTrayEmpty: "input tray empty"
        case .overduePreventiveMaintenance: "overdue preventive maintenance"
        case .other(let name): name
        }
    }
}
