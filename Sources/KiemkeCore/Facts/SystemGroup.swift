/// SNMPv2-MIB's system group (1.3.6.1.2.1.1): what the agent says about itself.
public struct SystemGroup: Sendable, Codable, Equatable {
    public var description: String?
    public var objectID: OID?
    public var name: String?
    /// sysUpTime in hundredths of a second.
    public var uptimeTicks: UInt32?
    public var contact: String?
    public var location: String?

    public init(description: String? = nil, objectID: OID? = nil, name: String? = nil, uptimeTicks: UInt32? = nil,
                contact: String? = nil, location: String? = nil) {
        self.description = description
        self.objectID = objectID
        self.name = name
        self.uptimeTicks = uptimeTicks
        self.contact = contact
        self.location = location
    }

    /// The enterprise number in sysObjectID (1.3.6.1.4.1.N...), e.g. 11 for HP.
    public var enterprise: UInt? {
        guard let o = objectID, o.isDescendant(of: "1.3.6.1.4.1") else { return nil }
        return o.components[6]
    }

    enum CodingKeys: String, CodingKey {
        case description = "sys_descr", objectID = "sys_object_id", name = "sys_name", uptimeTicks = "sys_uptime_ticks"
        case contact = "sys_contact", location = "sys_location"
    }
}
