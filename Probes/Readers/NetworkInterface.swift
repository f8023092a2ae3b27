/// One network interface from IF-MIB: name, state, speed and MAC address.
public struct NetworkInterface: Sendable, Codable, Equatable {
    public var index: UInt
    /// ifName when the agent has IF-MIB's ifXTable, else ifDescr.
    public var name: String?
    /// ifOperStatus as a word: "up", "down", "testing", "unknown", "dormant", "notPresent", "lowerLayerDown".
    public var operStatus: String?
    /// Speed in Mbit/s: ifHighSpeed, else ifSpeed / 10^6.
    public var speedMbps: Int64?
    /// ifPhysAddress as "aa:bb:cc:dd:ee:ff"; nil when empty or all zero.
    public var mac: String?

    public init(index: UInt, name: String?, operStatus: String?, speedMbps: Int64?, mac: String?) {
        self.index = index
        self.name = name
        self.operStatus = operStatus
        self.speedMbps = speedMbps
        self.mac = mac
    }

    static let statusNames = [1: "up", 2: "down", 3: "testing", 4: "unknown", 5: "dormant", 6: "notPresent", 7: "lowerLayerDown"]

    /// Formats a MAC address; nil for empty or all-zero addresses (loopbacks).
    static func formatMAC(_ bytes: [UInt8]?) -> String? {
        guard let bytes, !bytes.isEmpty, bytes.contains(where: { $0 != 0 }) else { return nil }
        return bytes.map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined(separator: ":")
    }

    enum CodingKeys: String, CodingKey {
        case index, name, operStatus = "oper_status", speedMbps = "speed_mbps", mac
    }
}
