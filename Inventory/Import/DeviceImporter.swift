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
        /// The character found between fields (not compared: the same import either way).
        public var separator: CSVSeparator = .comma

        public init(added: Int = 0, updated: Int = 0, unchanged: Int = 0, marked: Int = 0) {
            self.added = added
            self.updated = updated
            self.unchanged = unchanged
            self.marked = marked
        }

        public static func == (a: Summary, b: Summary) -> Bool {
            (a.added, a.updated, a.unchanged, a.marked) == (b.added, b.updated, b.unchanged, b.marked)
        }

        public var description: String {
            "\(added) added, \(updated) updated, \(unchanged) unchanged, \(marked) condition mark\(marked == 1 ? "" : "s") recorded"
        }
    }

    /// The columns a device list must have.
    public static let requiredColumns = ["name", "kind"]
    /// The columns `devices list --format csv` writes, in order; import reads them back.
    public static let columns = ["name", "kind", "address", "location", "condition", "note",
                                 "snmp_version", "snmp_community", "snmp_port", "schedule", "interval",
                                 "since", "condition_since"]

    let store: InventoryStore
    /// Writes dates in messages as the office reads them.
    private let dates: OfficeDate.Format

    public init(store: InventoryStore) {
        self.store = store
        dates = OfficeDate.Format(timeZone: store.timeZone)
    }

    /// Reads `url` and imports it; `who` is recorded on the condition marks it makes.
    @discardableResult
    public func importFile(at url: URL, by who: String, at date: Date = Date()) throws -> Summary {
        try importPath(url.path, by: who, at: date)
    }

    /// Reads the file at `path` (`-`: standard input) and imports it.
    @discardableResult
    public func importPath(_ path: String, by who: String, at date: Date = Date()) throws -> Summary {
        let (data, file) = try ImportSource.read(path)
        return try importCSV(data, file: file, by: who, at: date)
    }

    /// A device list read and split into records, not yet checked row by row.
    public struct ParsedFile: Sendable {
        /// The name used in messages (a path, or "standard input").
        public var file: String
        /// The header and the device rows, rows of nothing but separators left out.
        var records: [CSVReader.Record]
        /// The character found between fields.
        public var separator: CSVSeparator
    }

    /// Reads CSV bytes into records, needing no database: a workbook, an undecodable file, an
    /// empty one or a header with no rows is refused here, before a database is created.
    public static func read(_ data: Data, file: String) throws(ImportError) -> ParsedFile {
        if let problem = ImportSource.workbookProblem(data) {
            throw .unreadable(file: file, reason: problem)
        }
        // Undecodable bytes are the reader's to report, with their line; a comma is then as good as any.
        let separator = CSVSeparator.detect(in: data)
        var records: [CSVReader.Record]
        do {
            records = try CSVReader(separator: separator.scalar).records(from: data)
        } catch {
            throw .unreadable(file: file, reason: error.description)
        }
        // A row of nothing but separators (";;;;;", cells cleared in Excel) is a blank line; so is
        // ",,,,," in a file read with semicolons, which is one field of commas.
        records.removeAll { $0.fields.allSatisfy { $0.allSatisfy { $0 == "," || $0 == ";" || $0 == "\t" || $0 == " " } } }
        if records.isEmpty { throw .empty(file: file) }
        if records.count == 1 {
            let missing = requiredColumns.filter { !records[0].fields.map(ImportColumns.canonical).contains($0) }
            throw missing.isEmpty ? .noDeviceRows(file: file) : .missingColumns(file: file, columns: missing)
        }
        return ParsedFile(file: file, records: records, separator: separator)
    }

    /// Imports CSV bytes; `file` names the source in error messages.
    @discardableResult
    public func importCSV(_ data: Data, file: String, by who: String, at date: Date = Date()) throws -> Summary {
        try importParsed(Self.read(data, file: file), by: who, at: date)
    }

    /// Imports a file `read` has split: all rows or, when any row is bad, none.
    @discardableResult
    public func importParsed(_ parsed: consuming ParsedFile, by who: String, at date: Date = Date()) throws -> Summary {
        let (file, separator) = (parsed.file, parsed.separator)
        // The records are let go once read into rows: a large file is not held twice while it is written.
        var records: [CSVReader.Record] = []
        swap(&records, &parsed.records)
        let (rows, rowProblems) = try parseRows(records, file: file, now: date)
        records = []
        let problems = rowProblems + (try store.database.read { db in try Self.addressProblems(rows, in: db) })
        // Rows with a problem of their own are not applied; the others are, inside the transaction,
        // so that what only the database can tell (a since after a device's marks) is found in the
        // same run. Any problem rolls everything back.
        let failed = Set(problems.map(\.line))
        return try store.write { writer in
            var problems = problems
            let summary = try apply(failed.isEmpty ? rows : rows.filter { !failed.contains($0.line) }, by: who, at: date,
                                    with: &writer, problems: &problems)
            if !problems.isEmpty {
                throw ImportError.badRows(file: file, problems: problems.enumerated()
                    .sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element))
            }
            var result = summary
            result.separator = separator
            return result
        }
    }

    // MARK: - Parsing

    struct Row {
        var line: Int
        var device: Device
        var condition: Condition?
        /// In service since (`since`); nil: now for a new device, unchanged for a known one.
        var since: Date?
        /// When the row's condition was seen (`condition_since`).
        var conditionSince: Date?
        /// The row says its address is shared (`shared_address`): two printers behind one print server.
        var sharedAddress = false
        /// The file has an `snmp_community` column (empty cells in it clear a community).
        var communityGiven = true
    }

    /// The rows and the problems found in them; throws only when the header is unusable.
    ///
    /// Each cell is cleaned (NFC, trimmed) once, and the columns whose cells repeat from row to
    /// row (kind, condition, schedule, dates...) are read once per distinct text (`ImportCellMemo`).
    func parseRows(_ records: [CSVReader.Record], file: String, now: Date) throws -> ([Row], [ImportProblem]) {
        guard let header = records.first else {
            throw ImportError.missingColumns(file: file, columns: Self.requiredColumns)
        }
        let names = header.fields.map(ImportColumns.canonical)
        let missing = Self.requiredColumns.filter { !names.contains($0) }
        if !missing.isEmpty { throw ImportError.missingColumns(file: file, columns: missing) }
        func column(_ name: String) -> Int? { names.firstIndex(of: name) }
        let (nameColumn, kindColumn, addressColumn, locationColumn, noteColumn, conditionColumn) =
            (column("name"), column("kind"), column("address"), column("location"), column("note"), column("condition"))
        let (versionColumn, communityColumn, portColumn, scheduleColumn, intervalColumn) =
            (column("snmp_version"), column("snmp_community"), column("snmp_port"), column("schedule"), column("interval"))
        let (sinceColumn, conditionSinceColumn, sharedColumn) = (column("since"), column("condition_since"), column("shared_address"))

        var kinds = ImportCellMemo<DeviceKind?>()
        var conditions = ImportCellMemo<Condition?>()
        var versions = ImportCellMemo<SNMPVersion?>()
        var ports = ImportCellMemo<Int?>()
        var schedules = ImportCellMemo<DeviceSchedule?>()
        var intervals = ImportCellMemo<Result<Duration, DurationText.DurationProblem>>()
        var dates = ImportCellMemo<Result<Date, OfficeDate.Failure>>()
        var yesNo = ImportCellMemo<Bool?>()
        let timeZone = store.timeZone

        var problems: [ImportProblem] = []
        var rows: [Row] = []
        rows.reserveCapacity(records.count - 1)
        var firstLineOfName: [String: Int] = [:]
        for record in records.dropFirst() {
            let line = record.line
            if record.fields.count != header.fields.count {
                problems.append(ImportProblem(line: line, field: "row",
                    message: "has \(record.fields.count) fields but the header has \(header.fields.count); check for a missing or extra comma, or quote a field that contains a comma"))
                continue
            }
            let fields = record.fields
            func value(_ column: Int?) -> String {
                column.map { NameKey.clean(fields[$0]) } ?? ""
            }
            let name = value(nameColumn)
            let nameKey = NameKey.fold(name)
            if let problem = DeviceTextRules.nameProblem(name) {
                problems.append(ImportProblem(line: line, field: "name", message: name.isEmpty ? problem : "\(TerminalText.quoted(name)) \(problem)"))
            } else if let first = firstLineOfName[nameKey] {
                problems.append(ImportProblem(line: line, field: "name",
                    message: "\(TerminalText.quoted(name)) is already used on line \(first) (names are matched ignoring case)"))
            } else {
                firstLineOfName[nameKey] = line
            }
            let location = value(locationColumn)
            let note = value(noteColumn)
            let community = value(communityColumn)
            for (field, problem) in [("location", DeviceTextRules.locationProblem(location)),
                                     ("note", DeviceTextRules.noteProblem(note)),
                                     ("snmp_community", DeviceTextRules.communityProblem(community))] {
                if let problem { problems.append(ImportProblem(line: line, field: field, message: problem)) }
            }
            let kindText = value(kindColumn)
            let kind = kinds.value(for: kindText) { DeviceKind(parsing: $0) }
            if kind == nil {
                problems.append(ImportProblem(line: line, field: "kind",
                    message: DeviceKind.notAKind(kindText)))
            }
            let conditionText = value(conditionColumn)
            let condition = conditionText.isEmpty ? nil : conditions.value(for: conditionText) { Condition(parsing: $0) }
            if !conditionText.isEmpty && condition == nil {
                problems.append(ImportProblem(line: line, field: "condition",
                    message: Condition.notACondition(TerminalText.escaped(conditionText))))
            }
            let address = value(addressColumn)
            if let problem = DeviceAddress.problem(with: address) {
                problems.append(ImportProblem(line: line, field: "address", message: "\(TerminalText.quoted(address)): \(problem)"))
            }
            let versionText = value(versionColumn)
            let version = versionText.isEmpty ? nil : versions.value(for: versionText) { SNMPVersion(parsing: $0) }
            if !versionText.isEmpty && version == nil {
                problems.append(ImportProblem(line: line, field: "snmp_version", message: "\(TerminalText.quoted(versionText)) is not an SNMP version; use 1, 2c or 3"))
            }
            let portText = value(portColumn)
            let port = portText.isEmpty ? nil : ports.value(for: portText) { Port(parsing: $0).map { Int($0.rawValue) } }
            if !portText.isEmpty && port == nil {
                problems.append(ImportProblem(line: line, field: "snmp_port", message: "\(TerminalText.quoted(portText)) is not a port: \(Port.rangeDescription)"))
            }
            let scheduleText = value(scheduleColumn).lowercased()
            let schedule = scheduleText.isEmpty ? nil : schedules.value(for: scheduleText) { DeviceSchedule(rawValue: $0) }
            if !scheduleText.isEmpty && schedule == nil {
                problems.append(ImportProblem(line: line, field: "schedule", message: "\(TerminalText.quoted(scheduleText)) is not a schedule; use office (switched off outside office hours) or always"))
            }
            let intervalText = value(intervalColumn)
            var interval: Duration?
            if !intervalText.isEmpty {
                switch intervals.value(for: intervalText, { DurationText.parseRequiringUnit($0, in: DurationText.interval) }) {
                case .success(let duration): interval = duration
                case .failure(let problem): problems.append(ImportProblem(line: line, field: "interval", message: problem.description))
                }
            }
            /// A `since` or `condition_since` cell: empty, or a past date in the office's time zone.
            func date(_ text: String, field: String) -> Date? {
                if text.isEmpty { return nil }
                switch dates.value(for: text, { text in Result { () throws(OfficeDate.Failure) in try OfficeDate.parse(text, timeZone: timeZone, notAfter: now) } }) {
                case .success(let date): return date
                case .failure(let error):
                    problems.append(ImportProblem(line: line, field: field, message: error.description))
                    return nil
                }
            }
            let sinceText = value(sinceColumn)
            let conditionSinceText = value(conditionSinceColumn)
            let since = date(sinceText, field: "since")
            let conditionSince = date(conditionSinceText, field: "condition_since")
            if let since, let conditionSince, conditionSince < since {
                problems.append(ImportProblem(line: line, field: "condition_since",
                    message: "\"\(conditionSinceText)\" is before the device's since \"\(sinceText)\"; a condition is seen while the device is in service"))
            }
            let sharedText = value(sharedColumn)
            let shared = yesNo.value(for: sharedText) { Self.yes($0) }
            if !sharedText.isEmpty && shared == nil {
                problems.append(ImportProblem(line: line, field: "shared_address",
                    message: "\"\(sharedText)\" is neither yes nor no (có/không); write yes on every row of devices that share one address"))
            }
            if let kind {
                let device = Device(uuid: Self.unassigned, name: name, kind: kind, address: address, location: location,
                                    note: note, snmpVersion: version,
                                    snmpCommunity: community.isEmpty ? nil : community, snmpPort: port,
                                    schedule: schedule, pollInterval: interval.map(\.seconds))
                rows.append(Row(line: line, device: device, condition: condition, since: since, conditionSince: conditionSince,
                               sharedAddress: shared ?? false, communityGiven: communityColumn != nil))
            }
        }
        // Random uuids, handed out in ascending order: the rows the file adds then go into the
        // uuid index (and the change log's) in key order, which SQLite does several times faster.
        let uuids = RandomUUIDs.make(count: rows.count).sorted { $0.storedOrder < $1.storedOrder }
        for index in rows.indices { rows[index].device.uuid = uuids[index] }
        return (rows, problems)
    }

    /// Stands in for the uuid `parse` gives each row once every row is read.
    private static let unassigned = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    // MARK: - Applying

    func apply(_ rows: [Row], by who: String, at date: Date, with writer: inout ChangeWriter,
               problems: inout [ImportProblem]) throws -> Summary {
        let db = writer.db
        let now = date.storedPrecision
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
                // A list written without secrets (`devices list --format csv`) has no community column:
                // importing it back keeps the communities the database has.
                if row.communityGiven { existing.snmpCommunity = incoming.snmpCommunity }
                existing.snmpPort = incoming.snmpPort
                existing.schedule = incoming.schedule
                existing.pollInterval = incoming.pollInterval
                var moved = false
                if let since = row.since, !sameMinute(since, existing.createdAt) {
                    moved = try moveInService(of: &existing, to: since, line: row.line, problems: &problems, with: &writer)
                }
                let changed = existing != before
                if changed { try writer.update(existing, at: date) }
                var marked = false
                if let condition = row.condition, marks[existing.id!]?.condition != condition {
                    let seen = row.conditionSince ?? row.since ?? now
                    if seen < existing.createdAt {
                        problems.append(ImportProblem(line: row.line, field: row.conditionSince == nil ? "since" : "condition_since",
                            message: "the condition would be dated \(format(seen)), before \(existing.name)'s in-service date \(format(existing.createdAt))"))
                        continue
                    }
                    var mark = ConditionMark(deviceId: existing.id!, condition: condition, note: incoming.note,
                                             markedBy: who, markedAt: seen, enteredAt: now)
                    try writer.mark(&mark, of: existing)
                    summary.marked += 1
                    marked = true
                }
                if changed || marked || moved { summary.updated += 1 } else { summary.unchanged += 1 }
            } else {
                incoming.createdAt = (row.since ?? now).storedPrecision
                incoming.enteredAt = now
                // With `since` given, parsing has compared the two; without, the device enters service now.
                if let seen = row.conditionSince, seen < incoming.createdAt {
                    problems.append(ImportProblem(line: row.line, field: "condition_since",
                        message: "\(format(seen)) is before the device's in-service date, which is now because since is empty; fill since with the date it came into service"))
                    continue
                }
                try writer.add(&incoming)
                if let seen = row.conditionSince, seen > incoming.createdAt {
                    // "In service since 2022, broken since March 2023": it worked until then. Without
                    // this mark it would count in no condition between the two dates.
                    var entry = ConditionMark(deviceId: incoming.id!, condition: .good, markedBy: who,
                                              markedAt: incoming.createdAt, enteredAt: now)
                    try writer.mark(&entry, of: incoming)
                    summary.marked += 1
                }
                var mark = ConditionMark(deviceId: incoming.id!, condition: row.condition ?? .good,
                                         note: incoming.note, markedBy: who, markedAt: row.conditionSince ?? incoming.createdAt,
                                         enteredAt: now)
                try writer.mark(&mark, of: incoming)
                summary.added += 1
                summary.marked += 1
            }
        }
        return summary
    }

    /// Moves a known device's in-service date to `since`. The marks dated at the old date state
    /// the condition it entered service with, so they move with it; any other mark earlier than
    /// `since` is a problem of the row. Returns whether a mark moved.
    private func moveInService(of device: inout Device, to since: Date, line: Int, problems: inout [ImportProblem],
                               with writer: inout ChangeWriter) throws -> Bool {
        let old = device.createdAt
        let marks = try InventoryStore.marks(of: device, in: writer.db)
        let entry = marks.filter { $0.markedAt == old }
        if let earlier = marks.filter({ $0.markedAt != old && $0.markedAt < since }).last {
            problems.append(ImportProblem(line: line, field: "since",
                message: "\(format(since)) is after \(device.name)'s mark \(earlier.condition.rawValue) dated \(format(earlier.markedAt)); a device is marked while in service"))
            return false
        }
        device.createdAt = since.storedPrecision
        for var mark in entry {
            mark.markedAt = device.createdAt
            try writer.redate(mark, of: device)
        }
        return !entry.isEmpty
    }

    private func sameMinute(_ a: Date, _ b: Date) -> Bool {
        format(a) == format(b)
    }

    private func format(_ date: Date) -> String {
        dates.string(date)
    }
}
