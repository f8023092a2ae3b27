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
        func key(_ address: String) -> String { IPAddress(address).map { "\($0)" } ?? address.lowercased() }
        /// Who holds an address: a device in service (no line) or a row of the file.
        typealias Holder = (name: String, nameKey: String, line: Int?)
        let named = Set(rows.map(\.device.nameKey))
        var holders: [String: [Holder]] = [:]
        for device in try InventoryStore.devices(includeRetired: false, includeInternetLinks: false, in: db)
        where !device.address.isEmpty && !named.contains(device.nameKey) {
            holders[key(device.address), default: []].append((device.name, NameKey.fold(device.name), nil))
        }
        // Each address read once: parsing and writing it back is most of this check's cost.
        let keys = rows.map { $0.device.address.isEmpty ? "" : key($0.device.address) }
        for (row, key) in zip(rows, keys) where !key.isEmpty {
            holders[key, default: []].append((row.device.name, row.device.nameKey, row.line))
        }
        var problems: [ImportProblem] = []
        for (row, key) in zip(rows, keys) where !key.isEmpty && !row.sharedAddress {
            // The row itself is always among them: alone, it shares its address with no one.
            guard let all = holders[key], all.count > 1 else { continue }
            let others = all.filter { $0.nameKey != row.device.nameKey }
            if others.isEmpty { continue }
            let list = others.map { "\($0.name) (\($0.line.map { "line \($0)" } ?? "already in the inventory"))" }.joined(separator: ", ")
            problems.append(ImportProblem(line: row.line, field: "address",
                message: "\(row.device.address) is also the address of \(list); give each device its own address, "
                    + "or write yes in a shared_address column on the rows of devices that really share one (printers behind one print server)"))
        }
        return problems
    }
}
