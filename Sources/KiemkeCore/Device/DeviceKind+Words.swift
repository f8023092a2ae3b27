
extension DeviceKind {
    /// The kind's name in a Vietnamese report ("Máy tính", "Máy Scan", "Máy photocopy"...).
    public var vietnamese: String {
        switch self {
        case .computer: "Máy tính"
        case .scanner: "Máy Scan"
        case .copier: "Máy photocopy"
        case .printer: "Máy in"
        case .camera: "Camera an ninh"
        case .network: "Thiết bị mạng"
        case .other: "Thiết bị khác"
        }
    }

    /// The kind's name in an English report.
    public var english: String {
        switch self {
        case .computer: "Computers"
        case .scanner: "Scanners"
        case .copier: "Copiers"
        case .printer: "Printers"
        case .camera: "Security cameras"
        case .network: "Network devices"
        case .other: "Other equipment"
        }
    }

}
