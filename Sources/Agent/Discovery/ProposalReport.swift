import Discovery
import Foundation
import Inventory
import KiemkeCore

/// The proposal as `kiemke discover` prints and writes it: JSON (the contract), text, and the import CSV.
public struct ProposalReport: Sendable {
    public let entries: [ProposalEntry]
    public let swept: Int
    public let seconds: Double

    public init(entries: [ProposalEntry], swept: Int, seconds: Double) {
        self.entries = entries
        self.swept = swept
        self.seconds = seconds
    }

    /// `{"devices": [...], "swept": N, "seconds": S}`; unknown fields are null.
    public func json() throws -> String {
        try JSONOutput.encode(Body(devices: entries.map(Row.init), swept: swept, seconds: (seconds * 1000).rounded() / 1000))
    }

    private struct Body: Encodable {
        let devices: [Row]
        let swept: Int
        let seconds: Double
    }

    private struct Row: Encodable {
        let entry: ProposalEntry
        init(_ entry: ProposalEntry) { self.entry = entry }

        enum CodingKeys: String, CodingKey {
            case address, mac, kind, vendor, model, serial, sysName = "sys_name", answeredBy = "answered_by", inventory
            case proposedName = "proposed_name", conflicts
        }

        enum InventoryKeys: String, CodingKey { case status, name, address }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            let f = entry.finding
            try c.encode(f.address.description, forKey: .address)
            try c.encode(f.mac, forKey: .mac)
            try c.encode(f.kind.rawValue, forKey: .kind)
            try c.encode(f.vendor, forKey: .vendor)
            try c.encode(f.model, forKey: .model)
            try c.encode(f.serial, forKey: .serial)
            try c.encode(f.sysName, forKey: .sysName)
            try c.encode(f.answeredBy, forKey: .answeredBy)
            var inventory = c.nestedContainer(keyedBy: InventoryKeys.self, forKey: .inventory)
            try inventory.encode(entry.status.rawValue, forKey: .status)
            try inventory.encode(entry.inventoryName, forKey: .name)
            if entry.status == .moved { try inventory.encode(entry.inventoryAddress, forKey: .address) }
            try c.encode(entry.proposedName, forKey: .proposedName)
            try c.encode(entry.conflicts, forKey: .conflicts)
        }
    }

    /// One line per device found, then a summary, in `language`; device text escaped for the terminal.
    public func text(_ language: ReportLanguage = .en) -> String {
        let vi = language == .vi
        var lines: [String] = []
        let table = entries.map { entry -> [String] in
            let f = entry.finding
            let name = entry.inventoryName ?? "", was = entry.inventoryAddress ?? ""
            let status: String = switch entry.status {
            case .new: entry.proposedName.map { (vi ? "mới → " : "new → ") + $0 } ?? (vi ? "mới" : "new")
            case .known: (vi ? "đã có: " : "known: ") + name
            case .moved: vi ? "đã chuyển: \(name) (trước là \(was))" : "moved: \(name) (was \(was))"
            }
            let kind: String = vi ? f.kind.vietnamese : f.kind.rawValue
            let conflicts: [String] = vi ? entry.conflicts.map { Self.vietnamese(conflict: $0) } : entry.conflicts
            let conflict: String = conflicts.isEmpty ? "" : (vi ? "XUNG ĐỘT: " : "CONFLICT: ") + conflicts.joined(separator: "; ")
            let vendorModel: String = [f.vendor, f.model].compactMap { $0 }.joined(separator: " ")
            let row: [String] = [f.address.description, f.mac ?? "", kind, vendorModel, f.serial ?? "", f.sysName ?? "",
                                 f.answeredBy.joined(separator: ","), status, conflict]
            return row.map { TerminalText.escaped($0) }
        }
        let header = vi ? ["ĐỊA CHỈ", "MAC", "LOẠI", "HÃNG/MODEL", "SỐ SÊ-RI", "SYSNAME", "TRẢ LỜI QUA", "DANH SÁCH", ""]
            : ["ADDRESS", "MAC", "KIND", "VENDOR/MODEL", "SERIAL", "SYSNAME", "ANSWERED BY", "INVENTORY", ""]
        var widths = header.map(\.count)
        for row in table { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func format(_ row: [String]) -> String {
            row.enumerated().map { i, cell in i == row.count - 1 ? cell : cell.padding(toLength: widths[i], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        if !table.isEmpty {
            lines.append(format(header))
            lines += table.map(format)
        }
        let counts = Dictionary(entries.map { ($0.status, 1) }, uniquingKeysWith: +)
        let new = counts[.new] ?? 0, known = counts[.known] ?? 0, moved = counts[.moved] ?? 0
        let time = String(format: "%.1f", seconds)
        lines.append(vi ? "đã quét \(swept) địa chỉ trong \(time.replacingOccurrences(of: ".", with: ",")) giây: \(entries.count) địa chỉ trả lời — "
                          + "\(new) mới, \(known) đã có, \(moved) đã chuyển địa chỉ"
                        : "swept \(swept) addresses in \(time) s: \(entries.count) answered — \(new) new, \(known) known, \(moved) moved")
        let conflicts = entries.filter { !$0.conflicts.isEmpty }.count
        if conflicts > 0 {
            lines.append(vi ? "\(conflicts) địa chỉ cần xem lại (XUNG ĐỘT): chưa quyết định gì với chúng"
                            : "\(conflicts) need a look (CONFLICT): nothing was decided for them")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The import CSV of the new devices (what `--enrol` would add): names proposed, condition empty, location
    /// to fill in; vendor, model, serial, MAC and how it answered in columns the import ignores, for the reader.
    public func csv(configuration: Configuration) -> String {
        var lines = [CSVReader.line(["name", "kind", "address", "location", "condition", "note", "snmp_version", "snmp_community",
                                     "vendor", "model", "serial", "mac", "answered_by"])]
        for entry in entries where entry.status == .new {
            guard let name = entry.proposedName else { continue }
            let f = entry.finding
            let snmp = DiscoveryRun.communityColumn(configuration, credentialIndex: f.credentialIndex)
            lines.append(CSVReader.line([name, f.kind.rawValue, f.address.description, "", "", "", snmp.version, snmp.community,
                                         f.vendor ?? "", f.model ?? "", f.serial ?? "", f.mac ?? "", f.answeredBy.joined(separator: " ")]))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
