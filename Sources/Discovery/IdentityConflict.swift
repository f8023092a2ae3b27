import KiemkeCore

/// Identity evidence that names more than one device or address: never resolved silently.
public enum IdentityConflict: Sendable, Hashable {
    /// One MAC claimed by more than one inventory device, or answering at more than one address.
    case mac(String, places: [String])
    /// One serial answering at more than one address.
    case serial(String, places: [String])

    /// The conflicts in what one sweep found, given the inventory: a serial or a MAC answering at more
    /// than one address, a MAC found that two inventory devices claim. Sorted, each once.
    public static func find(in findings: [SweepFinding], inventory: [KnownDevice]) -> [IdentityConflict] {
        var result = Set<IdentityConflict>()
        var serialPlaces: [String: (serial: String, places: Set<String>)] = [:]
        var macPlaces: [String: Set<String>] = [:]
        for finding in findings {
            if let serial = finding.serial {
                serialPlaces[ProposalBuilder.key(serial), default: (serial, [])].places.insert(finding.address.description)
            }
            if let mac = finding.mac { macPlaces[mac, default: []].insert(finding.address.description) }
        }
        for (_, entry) in serialPlaces where entry.places.count > 1 {
            result.insert(.serial(entry.serial, places: entry.places.sorted()))
        }
        for (mac, places) in macPlaces {
            let claimants = inventory.filter { $0.macs.contains(mac) }.map(\.name)
            if claimants.count > 1 {
                result.insert(.mac(mac, places: claimants.sorted()))
            } else if places.count > 1 {
                result.insert(.mac(mac, places: places.sorted()))
            }
        }
        return result.sorted { $0.sortKey < $1.sortKey }
    }

    var sortKey: String {
        switch self {
        case let .mac(mac, _): "mac:\(mac)"
        case let .serial(serial, _): "serial:\(serial)"
        }
    }
}
