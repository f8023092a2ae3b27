import Foundation
import KiemkeCore

/// The device list as a person or another program reads it: table, JSON or CSV.
public struct DeviceListing: Sendable {
    /// One device with its current condition.
    public struct Entry: Sendable, Equatable {
        public var device: Device
        public var mark: ConditionMark?
        /// Since when it has held its current condition.
        public var conditionSince: Date?
    }

    public var entries: [Entry]
    /// The office's time zone, in which the CSV writes `since` and `condition_since`.
    public var timeZone: TimeZone

    /// The active (or all) devices of `store`, with the latest mark of each.
    public init(store: InventoryStore, includeRetired: Bool = false) throws {
        entries = try store.deviceListing(includeRetired: includeRetired)
            .map { Entry(device: $0.device, mark: $0.mark, conditionSince: $0.conditionSince) }
        timeZone = store.timeZone
    }

    /// The columns `table` can show (`devices list --columns`), in the order they may be named.
    public static let tableColumns = ["name", "kind", "address", "location", "condition", "note", "vendor", "model",
                                      "serial", "firmware", "since", "condition_since", "schedule"]
    /// The columns `table` shows when none are named.
    public static let defaultTableColumns = ["name", "kind", "address", "location", "condition", "note"]

    /// The facts each device last gave (vendor, model, serial), for the columns that show them.
    public var facts: [Int64: DeviceFacts] = [:]

    /// Reads the facts the probes found, for `--columns model,serial`.
    public mutating func loadFacts(from store: InventoryStore) throws {
        facts = try store.lastFacts()
    }

    /// Aligned columns for a terminal: `columns` (of `tableColumns`), by default the usual six.
    public func table(columns: [String] = DeviceListing.defaultTableColumns, language: ReportLanguage = .en) -> String {
        let dates = OfficeDate.Format(timeZone: timeZone)
        let words = ListingWords(language)
        var table = TextTable(header: columns.map { words.heading($0.replacingOccurrences(of: "_", with: " ")) })
        for entry in entries {
            let d = entry.device
            let f = d.id.flatMap { facts[$0] }
            table.append(columns.map { column in
                switch column {
                case "name": d.name
                case "kind": words.kind(d.kind)
                case "address": d.address.isEmpty ? "-" : d.address
                case "location": d.location
                case "condition": (entry.mark.map { words.condition($0.condition) } ?? "-") + (d.retiredAt != nil ? words.retiredMark : "")
                case "note": d.note
                case "vendor": f?.vendor ?? "-"
                case "model": f?.model ?? "-"
                case "serial": f?.serial ?? "-"
                case "firmware": f?.firmware ?? "-"
                case "since": dates.string(d.createdAt)
                case "condition_since": entry.conditionSince.map(dates.string) ?? "-"
                case "schedule": d.schedule?.rawValue ?? "-"
                default: ""
                }
            })
        }
        return table.render() + (language == .vi ? "\(entries.count) thiết bị\n" : "\(entries.count) device\(entries.count == 1 ? "" : "s")\n")
    }

    /// How `csv` writes the file.
    public struct CSVOptions: Sendable {
        /// Start with a UTF-8 byte-order mark, so that Excel shows Vietnamese letters right.
        public var byteOrderMark = false
        /// Headers in Vietnamese (`ImportColumns.vietnamese`); the import reads both.
        public var vietnameseHeaders = false
        /// Include `snmp_community` (a password, in effect); without it the column is left out
        /// and re-importing the file keeps the communities the database has.
        public var withSecrets = true

        public init(byteOrderMark: Bool = false, vietnameseHeaders: Bool = false, withSecrets: Bool = true) {
            self.byteOrderMark = byteOrderMark
            self.vietnameseHeaders = vietnameseHeaders
            self.withSecrets = withSecrets
        }
    }

    /// CSV with the import columns, so the output imports back unchanged (dates to the minute,
    /// in the office's time zone).
    public func csv(_ options: CSVOptions = CSVOptions()) -> String {
        let dates = OfficeDate.Format(timeZone: timeZone, contract: true)
        let columns = DeviceImporter.columns.filter { options.withSecrets || $0 != "snmp_community" }
        var lines = [CSVReader.line(columns.map { ImportColumns.header($0, vietnamese: options.vietnameseHeaders) })]
        for entry in entries {
            let d = entry.device
            let values: [String: String] = [
                "name": d.name, "kind": d.kind.rawValue, "address": d.address, "location": d.location,
                "condition": entry.mark?.condition.rawValue ?? "", "note": d.note,
                "snmp_version": d.snmpVersion?.rawValue ?? "", "snmp_community": d.snmpCommunity ?? "",
                "snmp_port": d.snmpPort.map(String.init) ?? "", "schedule": d.schedule?.rawValue ?? "",
                "interval": d.pollInterval.map { DurationText.format($0) } ?? "",
                "since": dates.string(d.createdAt), "condition_since": entry.conditionSince.map(dates.string) ?? "",
            ]
            lines.append(CSVReader.line(columns.map { values[$0] ?? "" }))
        }
        return (options.byteOrderMark ? "\u{FEFF}" : "") + lines.joined(separator: "\n") + "\n"
    }

    /// A JSON array of devices (snake_case keys, ISO-8601 times).
    public func json() throws -> String {
        let items = entries.map { entry in
            Item(name: entry.device.name, kind: entry.device.kind, address: entry.device.address,
                 location: entry.device.location, condition: entry.mark?.condition, note: entry.device.note,
                 snmpVersion: entry.device.snmpVersion?.rawValue, snmpPort: entry.device.snmpPort,
                 schedule: entry.device.schedule?.rawValue,
                 createdAt: entry.device.createdAt, retiredAt: entry.device.retiredAt,
                 markedAt: entry.mark?.markedAt, markedBy: entry.mark?.markedBy)
        }
        return try JSONOutput.encode(items)
    }

    private struct Item: Encodable {
        var name: String
        var kind: DeviceKind
        var address: String
        var location: String
        var condition: Condition?
        var note: String
        var snmpVersion: String?
        var snmpPort: Int?
        var schedule: String?
        var createdAt: Date
        var retiredAt: Date?
        var markedAt: Date?
        var markedBy: String?
    }
}
