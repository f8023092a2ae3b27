import Foundation
import GRDB
import KiemkeCore

/// Imports a device list (CSV) into the store: all rows or, when any row is bad, none.
public struct DeviceImporter: Sendable {
    /// What an import changed.
    public struct Summary: Sendable, Equatable, CustomStringConvertible {
        public var added = 0
        public var updated = 0
        public var unchanged = 0
        public var marked = 0

        public init(added: Int = 0, updated: Int = 0, unchanged: Int = 0, marked: Int = 0) {
            self.added = added
            self.updated = updated
            self.unchanged = unchanged
            self.marked = marked
        }

        public var description: String {
            "\(added) added, \(updated) updated, \(unchanged) unchanged, \(marked) condition mark\(marked == 1 ? "" : "s") recorded"
        }
    }

    /// The columns a device list must have.
    public static let requiredColumns = ["name", "kind"]
    /// The columns `devices list --format csv` writes, in order; import reads them back.
    public static let columns = ["name", "kind", "address", "location", "condition", "note",
                                 "snmp_version", "snmp_community", "snmp_port", "schedule", "interval"]

    let store: InventoryStore

    public init(store: InventoryStore) {
        self.store = store
    }

    /// Reads `url` and imports it; `who` is recorded on the condition marks it makes.
    @discardableResult
    public func importFile(at url: URL, by who: String, at date: Date = Date()) throws -> Summary {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ImportError.unreadable(file: url.path, reason: "cannot read the file (\((error as NSError).localizedDescription))")
        }
        return try importCSV(data, file: url.path, by: who, at: date)
    }

    /// Imports CSV bytes; `file` names the source in error messages.
    @discardableResult
    public func importCSV(_ data: Data, file: String, by who: String, at date: Date = Date()) throws -> Summary {
        let records: [CSVReader.Record]
        do {
            records = try CSVReader().records(from: data)
        } catch {
            throw ImportError.unreadable(file: file, reason: error.description)
        }
        let rows = try parse(records, file: file)
        return try store.write { writer in
            try apply(rows, by: who, at: date, with: &writer)
        }
    }

    // MARK: - Parsing

    struct Row {
        var line: Int
        var device: Device
        var condition: Condition?
    }

    func parse(_ records: [CSVReader.Record], file: String) throws -> [Row] {
        guard let header = records.first else {
            throw ImportError.missingColumns(file: file, columns: Self.requiredColumns)
        }
        let names = header.fields.map { NameKey.fold($0).replacingOccurrences(of: " ", with: "_") }
        let missing = Self.requiredColumns.filter { !names.contains($0) }
        if !missing.isEmpty { throw ImportError.missingColumns(file: file, columns: missing) }
        func column(_ name: String) -> Int? { names.firstIndex(of: name) }

        var problems: [ImportProblem] = []
        var rows: [Row] = []
        var firstLineOfName: [String: Int] = [:]
        for record in records.dropFirst() {
            let line = record.line
            if record.fields.count != header.fields.count {
                problems.append(ImportProblem(line: line, field: "row",
                    message: "has \(record.fields.count) fields but the header has \(header.fields.count); check for a missing or extra comma, or quote a field that contains a comma"))
                continue
            }
            func value(_ name: String) -> String {
                column(name).map { NameKey.clean(record.fields[$0]) } ?? ""
            }
            let name = value("name")
            if name.isEmpty {
                problems.append(ImportProblem(line: line, field: "name", message: "is empty; every device needs a name"))
            } else if let first = firstLineOfName[NameKey.fold(name)] {
                problems.append(ImportProblem(line: line, field: "name",
                    message: "\"\(name)\" is already used on line \(first) (names are matched ignoring case)"))
            } else {
                firstLineOfName[NameKey.fold(name)] = line
            }
            let kindText = value("kind")
            let kind = DeviceKind(parsing: kindText)
            if kind == nil {
                problems.append(ImportProblem(line: line, field: "kind",
                    message: "\"\(kindText)\" is not a kind; use one of \(DeviceKind.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
            let conditionText = value("condition")
            let condition = conditionText.isEmpty ? nil : Condition(parsing: conditionText)
            if !conditionText.isEmpty && condition == nil {
                problems.append(ImportProblem(line: line, field: "condition",
                    message: "\"\(conditionText)\" is not a condition; use good, fair, degraded or broken (or hoạt động tốt, hoạt động trung bình, đã xuống cấp, đã bị hỏng)"))
            }
            let address = value("address")
            if let problem = DeviceAddress.problem(with: address) {
                problems.append(ImportProblem(line: line, field: "address", message: "\"\(address)\": \(problem)"))
            }
            let versionText = value("snmp_version")
            let version = versionText.isEmpty ? nil : SNMPVersion(parsing: versionText)
            if !versionText.isEmpty && version == nil {
                problems.append(ImportProblem(line: line, field: "snmp_version", message: "\"\(versionText)\" is not an SNMP version; use 1, 2c or 3"))
            }
            let portText = value("snmp_port")
            let port = portText.isEmpty ? nil : Int(portText)
            if !portText.isEmpty && !(port.map { (1...65535).contains($0) } ?? false) {
                problems.append(ImportProblem(line: line, field: "snmp_port", message: "\"\(portText)\" is not a port number (1 to 65535)"))
            }
            let community = value("snmp_community")
            let scheduleText = value("schedule").lowercased()
            let schedule = scheduleText.isEmpty ? nil : DeviceSchedule(rawValue: scheduleText)
            if !scheduleText.isEmpty && schedule == nil {
                problems.append(ImportProblem(line: line, field: "schedule", message: "\"\(scheduleText)\" is not a schedule; use office (switched off outside office hours) or always"))
            }
            let intervalText = value("interval")
            let interval = intervalText.isEmpty ? nil : DurationText.parse(intervalText)
            if !intervalText.isEmpty && interval == nil {
                problems.append(ImportProblem(line: line, field: "interval", message: DurationText.problem(intervalText)))
            }
            if let kind {
                let device = Device(uuid: Self.unassigned, name: name, kind: kind, address: address, location: value("location"),
                                    note: value("note"), snmpVersion: version,
                                    snmpCommunity: community.isEmpty ? nil : community, snmpPort: port,
                                    schedule: schedule, pollInterval: interval.map(\.seconds))
                rows.append(Row(line: line, device: device, condition: condition))
            }
        }
        if !problems.isEmpty { throw ImportError.badRows(file: file, problems: problems) }
        // Random uuids, handed out in ascending order: the rows the file adds then go into the
        // uuid index (and the change log's) in key order, which SQLite does several times faster.
        let uuids = (0..<rows.count).map { _ in UUID() }.sorted { $0.storedOrder < $1.storedOrder }
        for index in rows.indices { rows[index].device.uuid = uuids[index] }
        return rows
    }

    /// Stands in for the uuid `parse` gives each row once every row is read.
    private static let unassigned = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    // MARK: - Applying

    func apply(_ rows: [Row], by who: String, at date: Date, with writer: inout ChangeWriter) throws -> Summary {
        let db = writer.db
        var summary = Summary()
        try writer.prepareForBulk(rows: rows.count)
        let marks = try InventoryStore.latestMarks(in: db)
        // One read of the active devices, not one query per row: a large file is applied in
        // seconds, so the write lock it holds never makes another command wait long.
        var active: [String: Device] = [:]
        for device in try Device.filter(Device.Columns.retiredAt == nil).fetchAll(db) {
            active[device.nameKey] = device
        }
        for row in rows {
            var incoming = row.device
            if var existing = active[incoming.nameKey] {
                let before = existing
                existing.name = incoming.name
                existing.kind = incoming.kind
                existing.address = incoming.address
                existing.location = incoming.location
                existing.note = incoming.note
                existing.snmpVersion = incoming.snmpVersion
                existing.snmpCommunity = incoming.snmpCommunity
                existing.snmpPort = incoming.snmpPort
                existing.schedule = incoming.schedule
                existing.pollInterval = incoming.pollInterval
                let changed = existing != before
                if changed { try writer.update(existing, at: date) }
                var marked = false
                if let condition = row.condition, marks[existing.id!]?.condition != condition {
                    var mark = ConditionMark(deviceId: existing.id!, condition: condition, note: incoming.note,
                                             markedBy: who, markedAt: date)
                    try writer.mark(&mark, of: existing)
                    summary.marked += 1
                    marked = true
                }
                if changed || marked { summary.updated += 1 } else { summary.unchanged += 1 }
            } else {
                incoming.createdAt = date.storedPrecision
                try writer.add(&incoming)
                var mark = ConditionMark(deviceId: incoming.id!, condition: row.condition ?? .good,
                                         note: incoming.note, markedBy: who, markedAt: date)
                try writer.mark(&mark, of: incoming)
                summary.added += 1
                summary.marked += 1
            }
        }
        return summary
    }
}
