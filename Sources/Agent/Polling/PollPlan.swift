import Foundation
import Inventory
import Logging
import Probes
import KiemkeCore

/// Which devices to probe and how, from the store's devices and the config.
public struct PollPlan: Sendable {
    /// A device and the probe target made from it.
    public struct Entry: Sendable {
        public var device: Device
        public var target: ProbeTarget
        /// How often it is probed.
        public var interval: TimeInterval
        /// How often its facts (the full SNMP read) are read when nothing else asks for them.
        public var factsInterval: TimeInterval
    }

    public var entries: [Entry]
    /// Devices that cannot be probed (no address), counted for the log.
    public var skipped: Int
    /// Devices asking for SNMPv3 while no v3 user is configured, or naming a community the
    /// secrets file lacks: probed by ping and TCP only, and an error where polling starts
    /// (`daemon`, `probe --all`).
    public var withoutCredentials: [String]
    /// Why each of `withoutCredentials` has none, for `checkCredentials`.
    var credentialProblems: [SNMPCredentialsError] = []

    /// Builds the plan for the active devices of `devices`.
    public init(devices: [Device], configuration: Configuration) {
        var entries: [Entry] = []
        var skipped = 0
        var withoutCredentials: [String] = []
        var credentialProblems: [SNMPCredentialsError] = []
        for device in devices where device.retiredAt == nil {
            guard let address = IPAddress(device.address) else {
                skipped += 1
                continue
            }
            let kindSettings = configuration.kinds[device.kind]
            let ports = kindSettings?.tcpPorts.map { $0.map(UInt16.init) }
            // Internet link targets are only pinged and connected to; SNMP is for the office's equipment.
            var snmp: SNMPSettings?
            if device.role == .equipment {
                do {
                    snmp = try configuration.snmpSettings(for: device)
                } catch {
                    withoutCredentials.append(device.name)
                    if case .unknownCommunity = error { credentialProblems.append(error) }
                }
            }
            entries.append(Entry(device: device, target: ProbeTarget(address: address, kind: device.kind, tcpPorts: ports, snmp: snmp),
                                 interval: device.pollInterval ?? configuration.interval(for: device.kind),
                                 factsInterval: configuration.factsInterval(for: device.kind)))
        }
        self.entries = entries
        self.skipped = skipped
        self.withoutCredentials = withoutCredentials
        self.credentialProblems = credentialProblems
    }

    /// Throws naming the devices that ask for SNMPv3 while no v3 user is configured.
    public func checkCredentials() throws(SNMPCredentialsError) {
        if let first = credentialProblems.first { throw first }
        if !withoutCredentials.isEmpty { throw .v3WithoutUser(devices: withoutCredentials) }
    }
}

extension Configuration {
    /// How often devices of `kind` are probed.
    public func interval(for kind: DeviceKind) -> TimeInterval {
        (kinds[kind]?.interval ?? probe.interval).seconds
    }

    /// How often the facts of devices of `kind` are read when nothing else asks for them.
    public func factsInterval(for kind: DeviceKind) -> TimeInterval {
        (kinds[kind]?.factsInterval ?? probe.factsInterval).seconds
    }

    /// The rules for turning probe results into states and availability.
    public var recordingPolicy: RecordingPolicy {
        var kindIntervals: [DeviceKind: TimeInterval] = [:]
        for (kind, settings) in kinds {
            if let interval = settings.interval { kindIntervals[kind] = interval.seconds }
        }
        var hours = schedule
        for (kind, settings) in kinds {
            switch settings.schedule {
            case .office: hours.kinds.insert(kind)
            case .always: hours.kinds.remove(kind)
            case nil: break
            }
        }
        return RecordingPolicy(downAfter: probe.downAfter, interval: probe.interval.seconds, hours: hours,
                               kindIntervals: kindIntervals)
    }

    /// Prober options from the `[probe]` table.
    public var proberOptions: DeviceProber.Options {
        DeviceProber.Options(ping: PingOptions(timeout: probe.timeout, tries: probe.retries + 1),
                             tcpTimeout: probe.timeout, concurrency: probe.concurrency,
                             readLimits: ReadLimits(deadline: probe.readDeadline))
    }
}
