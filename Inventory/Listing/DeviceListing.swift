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

    /// Aligned columns for a terminal.
    public func table() -> String {
        var table = TextTable(header: ["NAME", "KIND", "ADDRESS", "LOCATION", "CONDITION", "NOTE"])
        for entry in entries {
            let d = entry.device
            var condition = entry.mark?.condition.rawValue ?? "-"
            if d.retiredAt != nil { condition += " (retired)" }
            table.append([d.name, d.kind.rawValue, d.address.isEmpty ? "-" : d.address, d.location, condition, d.note])
        }
        return table.render() + "\(entries.count) device\(entries.count == 1 ? "" : "s")\n"
    }

    /// CSV with the import columns, so the output imports back unchanged (dates to the minute).
    public func csv() -> String {
        let dates = OfficeDate.Format(timeZone: timeZone, contract: true)
        var lines = [CSVReader.line(DeviceImporter.columns)]
        for entry in entries {
            let d = entry.device
            lines.append(CSVReader.line([
                d.name, d.kind.rawValue, d.address, d.location, entry.mark?.condition.rawValue ?? "", d.note,
                d.snmpVersion?.rawValue ?? "", d.snmpCommunity ?? "", d.snmpPort.map(String.init) ?? "",
                d.schedule?.rawValue ?? "", d.pollInterval.map { DurationText.format($0) } ?? "",
                dates.string(d.createdAt), entry.conditionSince.map(dates.string) ?? "",
            ]))
        }
        return lines.joined(separator: "\n") + "\n"
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
