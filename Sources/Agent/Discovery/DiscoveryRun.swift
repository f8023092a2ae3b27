import Discovery
import Foundation
import Inventory
import KiemkeCore
import Logging
import Probes

/// What joins the sweep and the store: the sweep's options from the config, the inventory as discovery
/// compares against it, and the proposal. Shared by `kiemke discover` and the daemon's scheduled sweep.
public enum DiscoveryRun {
    /// The sweep's options: rate, timeout, every kind's ports, the communities in order, then the v3 user.
    public static func options(_ configuration: Configuration) throws -> SweepOptions {
        let settings = configuration.discovery
        let timeout = settings.timeout.seconds
        var credentials: [SNMPSettings] = []
        let communities = settings.communities.isEmpty ? [configuration.snmp.community] : settings.communities
        for community in communities {
            // "@NAME" names an entry of the secrets file, resolved as a device's community is.
            let resolved = try configuration.community(for: Device(name: "discovery", kind: .other, address: "", snmpCommunity: community))
            credentials.append(SNMPSettings(version: configuration.snmp.version == .v1 ? .v1 : .v2c, community: resolved,
                                            port: UInt16(configuration.snmp.port), timeout: timeout, retries: 1))
        }
        if let user = configuration.snmp.v3User {
            let v3 = SNMPSettings.V3(user: user, level: configuration.snmp.v3Level,
                                     authProtocol: configuration.snmp.v3AuthProtocol, authPassphrase: configuration.snmp.v3AuthKey ?? "",
                                     privProtocol: configuration.snmp.v3PrivProtocol, privPassphrase: configuration.snmp.v3PrivKey ?? "")
            credentials.append(.v3(v3, port: UInt16(configuration.snmp.port), timeout: timeout, retries: 1))
        }
        return SweepOptions(packetsPerSecond: settings.rate, timeout: settings.timeout, credentials: credentials,
                            readLimits: configuration.proberOptions.readLimits)
    }

    /// The CSV's snmp_version and snmp_community for credential `index`: "@may-in" when the config names a
    /// community of the secrets file; empty for the default community, for v3, and for a community written
    /// literally in the config — a CSV is mailed and printed, so a secret is never copied into it (the
    /// device then uses the `[snmp]` community until someone names one with `@NAME`).
    public static func communityColumn(_ configuration: Configuration, credentialIndex: Int?) -> (version: String, community: String) {
        guard let index = credentialIndex else { return ("", "") }
        let communities = configuration.discovery.communities.isEmpty ? [configuration.snmp.community] : configuration.discovery.communities
        if index >= communities.count { return ("3", "") }
        let community = communities[index]
        return community != configuration.snmp.community && community.hasPrefix("@") ? ("", community) : ("", "")
    }

    /// The inventory as discovery sees it, and every name in use (retired too) for the numbering.
    public static func inventory(_ store: InventoryStore?) throws -> (known: [KnownDevice], names: [(name: String, kind: DeviceKind)]) {
        guard let store else { return ([], []) }
        let all = try store.devices(includeRetired: true)
        let identities = try store.identities()
        let known = all.filter { $0.retiredAt == nil }.map { device in
            let identity = identities[device.name]
            return KnownDevice(name: device.name, kind: device.kind, address: device.address,
                               macs: Set([identity?.mac].compactMap { $0 }), serial: identity?.serial,
                               sysName: identity?.sysName, engineID: identity?.engineID)
        }
        return (known, all.map { ($0.name, $0.kind) })
    }

    /// The proposal for what a sweep found, minus the addresses and MACs someone said to ignore.
    public static func propose(_ findings: [SweepFinding], store: InventoryStore?) throws -> [ProposalEntry] {
        let (known, names) = try inventory(store)
        let ignored = try store?.ignoredForDiscovery() ?? []
        let kept = findings.filter { finding in
            !ignored.contains(finding.address.description) && !(finding.mac.map(ignored.contains) ?? false)
        }
        return ProposalBuilder.build(kept, inventory: known, naming: DeviceNaming(existing: names))
    }
}
