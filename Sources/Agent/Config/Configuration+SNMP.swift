import Inventory
import Probes

extension Configuration {
    /// The SNMP settings to poll `device` with: its own version, community and port where the
    /// device list sets them, the config's `[snmp]` defaults otherwise.
    public func snmpSettings(for device: Device) -> SNMPSettings {
        let version = device.snmpVersion.map { $0.rawValue } ?? snmp.version
        let port = UInt16(device.snmpPort ?? snmp.port)
        let timeout = probe.timeout.seconds
        if version == "3", let user = snmp.v3User {
            let credentials = SNMPSettings.V3(
                user: user,
                level: SNMPSettings.SecurityLevel(rawValue: snmp.v3Level) ?? .authPriv,
                authProtocol: SNMPSettings.AuthProtocol(rawValue: snmp.v3AuthProtocol) ?? .sha,
                authPassphrase: snmp.v3AuthKey ?? "",
                privProtocol: SNMPSettings.PrivProtocol(rawValue: snmp.v3PrivProtocol) ?? .aes,
                privPassphrase: snmp.v3PrivKey ?? "")
            return .v3(credentials, port: port, timeout: timeout, retries: probe.retries)
        }
        return SNMPSettings(version: version == "1" ? .v1 : .v2c, community: device.snmpCommunity ?? snmp.community,
                            port: port, timeout: timeout, retries: probe.retries)
    }
}
