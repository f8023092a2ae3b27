import Inventory

/// Devices whose SNMP credentials cannot be found: SNMPv3 with no v3 user configured, or a
/// community naming no entry of the secrets file.
public enum SNMPCredentialsError: Error, CustomStringConvertible, Equatable {
    case v3WithoutUser(devices: [String])
    /// `snmp_community = "@NAME"` and the secrets file's `[snmp.communities]` has no NAME.
    case unknownCommunity(device: String, name: String, known: [String])

    public var description: String {
        switch self {
        case .v3WithoutUser(let devices):
            let names = devices.count > 5 ? devices.prefix(5).joined(separator: ", ") + " and \(devices.count - 5) more"
                                          : devices.joined(separator: ", ")
            return TerminalText.escaped("\(names): snmp_version is 3 but no SNMPv3 user is configured; set snmp.v3_user "
                + "(and v3_auth_key, v3_priv_key) in the config, or give \(devices.count == 1 ? "the device" : "these devices") another snmp_version")
        case .unknownCommunity(let device, let name, let known):
            let list = known.isEmpty ? "it has none" : "it has " + known.prefix(10).joined(separator: ", ")
            return TerminalText.escaped("\(device): snmp_community \"@\(name)\" names no entry of [snmp.communities] in the secrets file (\(list)); "
                + "add \(name) = \"...\" there, or correct the device's snmp_community")
        }
    }
}
