
extension DeviceKind {
    /// Parses an English kind name or the Vietnamese word staff use ("máy tính", "máy photo"...).
    public init?(parsing text: String) {
        let key = NameKey.fold(text)
        if let kind = DeviceKind(rawValue: key) {
            self = kind
            return
        }
        let words: [String: DeviceKind] = [
            "máy tính": .computer, "pc": .computer, "laptop": .computer, "máy tính xách tay": .computer,
            "máy scan": .scanner, "máy quét": .scanner,
            "máy photo": .copier, "máy photocopy": .copier, "máy photocoppy": .copier, "photocopy": .copier,
            "máy in": .printer,
            "camera an ninh": .camera,
            "thiết bị mạng": .network, "switch": .network, "router": .network,
            "khác": .other, "thiết bị khác": .other,
        ]
        guard let kind = words[key] else { return nil }
        self = kind
    }

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

    /// The one message for a word that names no kind, listing the kinds there are.
    public static func notAKind(_ text: String) -> String {
        "\"\(text)\" is not a kind; use one of \(allCases.map(\.rawValue).joined(separator: ", "))"
    }
}
