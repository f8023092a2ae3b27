import Foundation
import GRDB
import KiemkeCore

extension DeviceImporter {
    /// `shared_address` cells: yes/có/x/1/true, no/không/0/false or empty (no); nil for anything else.
    static func yes(_ text: String) -> Bool? {
        switch NameKey.loose(text) {
        case "", "no", "n", "khong", "0", "false": false
        case "yes", "y", "co", "x", "1", "true": true
        default: nil
        }
    }

    /// Two devices at one address, in the file or against the devices already in service: each
    /// such row is a problem unless it says its address is shared (`shared_address` yes).
    ///
    /// A device the file names is compared with what the file says of it, not with its old
    /// address: moving PC-01's address to PC-02 and PC-02's elsewhere in one file is fine.
    static func addressProblems(_ rows: [Row], in db: Database) throws -> [ImportProblem] {
        /// Who holds an address: a device in service (no line) or a row of the file.
        typealias Holder = (name: String, nameKey: String, line: Int?)
        let named = Set(rows.map(\.device.nameKey))
        let existing = try InventoryStore.devices(includeRetired: false, includeInternetLinks: false, in: db)
            .filter { !$0.address.isEmpty && !named.contains($0.nameKey) }
        // Each address read once, and counted before anyone is listed: almost every address has
        // one holder, and a list per address was most of this check's cost.
        let existingKeys = existing.map { AddressKey($0.address) }
        let keys = rows.map { $0.device.address.isEmpty ? nil : AddressKey($0.device.address) }
        var counts: [AddressKey: Int] = [:]
        counts.reserveCapacity(rows.count + existing.count)
        for key in existingKeys { counts[key, default: 0] += 1 }
        for case let key? in keys { counts[key, default: 0] += 1 }
        var holders: [AddressKey: [Holder]] = [:]
        for (device, key) in zip(existing, existingKeys) where counts[key, default: 0] > 1 {
            holders[key, default: []].append((device.name, NameKey.fold(device.name), nil))
        }
        for (row, key) in zip(rows, keys) {
            guard let key, counts[key, default: 0] > 1 else { continue }
            holders[key, default: []].append((row.device.name, row.device.nameKey, row.line))
        }
        var problems: [ImportProblem] = []
        for (row, key) in zip(rows, keys) where !row.sharedAddress {
            // The row itself is always among them: alone, it shares its address with no one.
            guard let key, let all = holders[key] else { continue }
            let others = all.filter { $0.nameKey != row.device.nameKey }
            if others.isEmpty { continue }
            let list = others.map { "\($0.name) (\($0.line.map { "line \($0)" } ?? "already in the inventory"))" }.joined(separator: ", ")
            problems.append(ImportProblem(line: row.line, field: "address",
                message: "\(row.device.address) is also the address of \(list); give each device its own address, "
                    + "or write yes in a shared_address column on the rows of devices that really share one (printers behind one print server)"))
        }
        return problems
    }

    /// An address as two holders are compared: the IP address it names (so "::1" meets
    /// "0:0:0:0:0:0:0:1"), else its text ignoring case.
    private enum AddressKey: Hashable {
        case ip(IPAddress)
        case text(String)

        init(_ address: String) {
            self = IPAddress(address).map(AddressKey.ip) ?? .text(address.lowercased())
        }
    }
}
