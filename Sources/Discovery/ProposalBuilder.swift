import KiemkeCore

/// Compares what a sweep found with the inventory: known at its address, moved (same serial, MAC or
/// engine ID at another address), or new with a proposed name. Conflicts — one MAC claimed by two
/// inventory devices, one serial answering at two addresses — are listed, never resolved.
public enum ProposalBuilder {
    /// The proposal for `findings`, in their order. `naming` learns from the whole inventory (retired devices too).
    public static func build(_ findings: [SweepFinding], inventory: [KnownDevice], naming: DeviceNaming) -> [ProposalEntry] {
        var naming = naming
        let byAddress = Dictionary(inventory.filter { !$0.address.isEmpty }.compactMap { device in
            IPAddress(device.address).map { ($0, device) }
        }, uniquingKeysWith: { first, _ in first })
        // Serials and MACs answering at more than one address in this sweep are conflicts.
        let serialCounts = Dictionary(findings.compactMap { $0.serial.map(Self.key) }.map { ($0, 1) }, uniquingKeysWith: +)
        let macCounts = Dictionary(findings.compactMap(\.mac).map { ($0, 1) }, uniquingKeysWith: +)
        let answering = Set(findings.map(\.address))

        return findings.map { finding in
            var conflicts: [String] = []
            if let serial = finding.serial, serialCounts[key(serial)] ?? 0 > 1 {
                conflicts.append("serial \(serial) answers at more than one address")
            }
            if let mac = finding.mac, macCounts[mac] ?? 0 > 1 {
                conflicts.append("MAC \(mac) answers at more than one address")
            }
            let owners = inventory.filter { device in matches(device, finding) }
            if let mac = finding.mac {
                let claiming = inventory.filter { $0.macs.contains(mac) }
                if claiming.count > 1 {
                    conflicts.append("MAC \(mac) is claimed by \(claiming.map(\.name).sorted().joined(separator: ", "))")
                }
            }
            if let device = byAddress[finding.address] {
                // The inventory device at this address; another device's serial or MAC here is worth a look.
                let others = owners.filter { $0.name != device.name }
                if !others.isEmpty {
                    conflicts.append("the serial or MAC here belongs to \(others.map(\.name).sorted().joined(separator: ", "))")
                }
                return ProposalEntry(finding: finding, status: .known, inventoryName: device.name, conflicts: conflicts)
            }
            if owners.count == 1, let owner = owners.first, conflicts.isEmpty {
                // Moved only when its old address did not answer too: a device answering at both is a conflict.
                if let old = IPAddress(owner.address), answering.contains(old) {
                    conflicts.append("\(owner.name)'s serial or MAC also answers at its own address \(owner.address)")
                } else {
                    return ProposalEntry(finding: finding, status: .moved, inventoryName: owner.name, inventoryAddress: owner.address)
                }
            } else if owners.count > 1 {
                conflicts.append("the serial or MAC matches \(owners.map(\.name).sorted().joined(separator: ", "))")
            }
            let name = conflicts.isEmpty ? NameKey.clean(naming.next(for: finding.kind)) : nil
            return ProposalEntry(finding: finding, status: .new, proposedName: name, conflicts: conflicts)
        }
    }

    /// Whether `device`'s identity evidence (serial, MAC, engine ID) names what `finding` found.
    static func matches(_ device: KnownDevice, _ finding: SweepFinding) -> Bool {
        if let serial = finding.serial, let own = device.serial, key(serial) == key(own) { return true }
        if let mac = finding.mac, device.macs.contains(mac) { return true }
        if let engine = finding.engineID, let own = device.engineID, engine == own { return true }
        return false
    }

    /// Serials compared without case and surrounding space.
    static func key(_ serial: String) -> String { serial.trimmingCharacters(in: .whitespaces).uppercased() }
}

import Foundation
