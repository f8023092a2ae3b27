import Inventory
import Probes

extension Configuration {
    /// The SNMP settings to poll `device` with: its own version, community and port where the
    /// device list sets them, the config's `[snmp]` defaults otherwise.
    ///
    /// Throws when the device asks for SNMPv3 and no v3 user is configured, rather than polling
    /// it with v2c under a version it does not speak.
    public func snmpSettings(for device: Device) throws(SNMPCredentialsError) -> SNMPSettings {
        let version = device.snmpVersion ?? snmp.version
        let port = UInt16(device.snmpPort ?? snmp.port)
        let timeout = probe.timeout.seconds
        switch version {
        case .v3:
            guard let user = snmp.v3User else { throw .v3WithoutUser(devices: [device.name]) }
            let credentials = SNMPSettings.V3(
                user: user, level: snmp.v3Level,
                authProtocol: snmp.v3AuthProtocol, authPassphrase: snmp.v3AuthKey ?? "",
                privProtocol: snmp.v3PrivProtocol, privPassphrase: snmp.v3PrivKey ?? "")
            return .v3(credentials, port: port, timeout: timeout, retries: probe.retries)
        case .v1, .v2c:
            return SNMPSettings(version: version == .v1 ? .v1 : .v2c, community: try community(for: device),
                                port: port, timeout: timeout, retries: probe.retries)
        }
    }

    /// The device's community: its own, the secrets file's entry it names ("@may-in"), or the default.
    ///
    /// Resolved now, when the device is polled, so a community kept in the secrets file is
    /// never written to the database, and a changed secrets file takes effect on reload.
    func community(for device: Device) throws(SNMPCredentialsError) -> String {
        guard let own = device.snmpCommunity, !own.isEmpty else { return snmp.community }
        guard let name = DeviceTextRules.reference(in: own) else { return own }
        guard let community = snmp.communities[name] else {
            throw .unknownCommunity(device: device.name, name: name, known: snmp.communities.keys.sorted())
        }
        return community
    }
}
