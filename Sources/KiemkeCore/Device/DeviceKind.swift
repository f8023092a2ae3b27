/// What a device is, as the office counts it.
///
/// The cases are declared in the order reports list them: the seed report's
/// kinds first (computers, scanners, copiers), then the rest.
public enum DeviceKind: String, CaseIterable, Sendable, Codable, Comparable {
    case computer, scanner, copier, printer, camera, network, other

    public static func < (lhs: DeviceKind, rhs: DeviceKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
