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

    enum CodingKeys: String, CodingKey {
        case index, name, operStatus = "oper_status", speedMbps = "speed_mbps", mac
    }
}
