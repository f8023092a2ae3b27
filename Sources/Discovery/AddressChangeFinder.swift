import KiemkeCore

/// Decides, for inventory devices that stopped answering at their address, whether a sweep found each one
/// answering elsewhere: the same serial, MAC or SNMP engine ID at exactly one other address that no other
/// inventory device owns. Anything less certain is a conflict for a person, or nothing at all. Pure.
public enum AddressChangeFinder {
    public enum Decision: Sendable, Equatable {
        /// `device` answers at `to` now; `evidence` says why it is the same device ("same serial X").
        case move(device: String, from: String, to: IPAddress, evidence: String)
        /// Its evidence points at more than one place: listed for a person, nothing moved.
        case conflict(device: String, IdentityConflict)
        /// Not found anywhere else (or its own address answered after all): its outage counts as usual.
        case notFound(device: String)
    }

    /// One decision per device of `missing`, in its order. `inventory` is every active device (the missing ones too).
    public static func decide(missing: [KnownDevice], findings: [SweepFinding], inventory: [KnownDevice]) -> [Decision] {
        let answering = Set(findings.map(\.address))
        var owners: [IPAddress: KnownDevice] = [:]
        for device in inventory {
            if let address = IPAddress(device.address), owners[address] == nil { owners[address] = device }
        }
        return missing.map { device in
            // Its own address answered the sweep: it is back, not moved.
            if let own = IPAddress(device.address), answering.contains(own) { return .notFound(device: device.name) }
            let candidates = findings.filter { ProposalBuilder.matches(device, $0) }
            guard let first = candidates.first else { return .notFound(device: device.name) }
            // A MAC of its own that another inventory device claims too proves nothing.
            for mac in device.macs.sorted() where candidates.contains(where: { $0.mac == mac }) {
                let claimants = inventory.filter { $0.macs.contains(mac) }.map(\.name)
                if claimants.count > 1 { return .conflict(device: device.name, .mac(mac, places: claimants.sorted())) }
            }
            if candidates.count > 1 || candidates.contains(where: { owners[$0.address] != nil }) {
                let places = candidates.map { finding in
                    owners[finding.address].map { "\(finding.address) (\($0.name))" } ?? finding.address.description
                }.sorted()
                if let serial = device.serial, candidates.contains(where: { $0.serial.map(ProposalBuilder.key) == ProposalBuilder.key(serial) }) {
                    return .conflict(device: device.name, .serial(serial, places: places))
                }
                return .conflict(device: device.name, .mac(first.mac ?? device.macs.sorted().first ?? "?", places: places))
            }
            // What answers there must point back at this device only.
            let claimants = inventory.filter { ProposalBuilder.matches($0, first) }
            if claimants.count > 1 {
                if let mac = first.mac, inventory.filter({ $0.macs.contains(mac) }).count > 1 {
                    return .conflict(device: device.name, .mac(mac, places: claimants.map(\.name).sorted()))
                }
                return .conflict(device: device.name, .serial(first.serial ?? "?", places: claimants.map(\.name).sorted()))
            }
            return .move(device: device.name, from: device.address, to: first.address, evidence: evidence(device, first))
        }
    }

    /// "same serial X", "same MAC m" or "same SNMP engine ID e": the strongest evidence that matched.
    public static func evidence(_ device: KnownDevice, _ finding: SweepFinding) -> String {
        if let serial = finding.serial, let own = device.serial, ProposalBuilder.key(serial) == ProposalBuilder.key(own) {
            return "same serial \(serial.trimmingCharacters(in: .whitespaces))"
        }
        if let mac = finding.mac, device.macs.contains(mac) { return "same MAC \(mac)" }
        return "same SNMP engine ID \(finding.engineID ?? "")"
    }
}
