import Foundation
import KiemkeCore

/// How the readers build a `NetworkInterface` from what the MIB columns hold.
extension NetworkInterface {
    static let statusNames = [1: "up", 2: "down", 3: "testing", 4: "unknown", 5: "dormant", 6: "notPresent", 7: "lowerLayerDown"]

    /// The longest link-layer address a real interface has (InfiniBand's 20 octets).
    static let maxMACOctets = 20

    /// Formats a MAC address; nil for empty or all-zero addresses (loopbacks) and for ones longer than any
    /// link layer uses (a broken or hostile agent).
    static func formatMAC(_ bytes: [UInt8]?) -> String? {
        guard let bytes, !bytes.isEmpty, bytes.count <= maxMACOctets, bytes.contains(where: { $0 != 0 }) else { return nil }
        return bytes.map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined(separator: ":")
    }
}
