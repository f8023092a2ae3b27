import KiemkeCore
/// The TCP ports that tell a device of each kind is there when it ignores ping.
extension DeviceKind {
    /// Ports to connect to, most telling first: SMB/RDP/SSH for PCs, JetDirect/IPP/HTTP for printers, RTSP for cameras.
    public var defaultTCPPorts: [UInt16] {
        switch self {
        case .computer: [445, 3389, 22]
        case .printer, .copier: [9100, 631, 80]
        case .camera: [554, 80]
        case .scanner: [80]
        case .network: [22, 23, 80, 443]
        case .other: [80, 443]
        }
    }
}

extension DeviceKind {
    /// Every kind's default ports together, for an address whose kind is not known yet.
    public static var allCommonTCPPorts: [UInt16] {
        var seen = Set<UInt16>()
        return allCases.flatMap(\.defaultTCPPorts).filter { seen.insert($0).inserted }
    }
}

extension DeviceKind {
    /// The ports that find an office device silent to ping, one or two per kind: the devices that drop
    /// ping are almost always Windows PCs (SMB, remote desktop); printers and copiers keep JetDirect open,
    /// and every printer, copier, camera and scanner serves its web page on 80. A device found is then
    /// asked every port of `allCommonTCPPorts`.
    public static let findingTCPPorts: [UInt16] = [445, 3389, 9100, 80]
}
