/// Devices that ask for SNMPv3 while the config names no v3 user to poll them with.
public enum SNMPCredentialsError: Error, CustomStringConvertible, Equatable {
    case v3WithoutUser(devices: [String])

    public var description: String {
        switch self {
        case .v3WithoutUser(let devices):
            let names = devices.count > 5 ? devices.prefix(5).joined(separator: ", ") + " and \(devices.count - 5) more"
                                          : devices.joined(separator: ", ")
            return "\(names): snmp_version is 3 but no SNMPv3 user is configured; set snmp.v3_user "
                + "(and v3_auth_key, v3_priv_key) in the config, or give \(devices.count == 1 ? "the device" : "these devices") another snmp_version"
        }
    }
}
