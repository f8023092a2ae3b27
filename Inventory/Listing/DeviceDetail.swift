import Foundation

/// One device's details and history, as `devices show` and `history` print them.
public struct DeviceDetail: Sendable {
    public var device: Device
    public var history: [HistoryEntry]

    public init(store: InventoryStore, name: String) throws {
        (device, history) = try store.history(named: name)
    }

    /// The device's fields followed by its history; every field is escaped (`TerminalText`).
    public func text() -> String {
        var out = ""
        func field(_ text: String) -> String { TerminalText.escaped(text) }
        out += "name:      \(field(device.name))\n"
        out += "kind:      \(device.kind.rawValue)\n"
        out += "address:   \(device.address.isEmpty ? "-" : field(device.address))\n"
        out += "location:  \(field(device.location))\n"
        out += "note:      \(field(device.note))\n"
        if let version = device.snmpVersion {
            out += "snmp:      v\(version.rawValue)\(device.snmpPort.map { ", port \($0)" } ?? "")\n"
        }
        out += "added:     \(Self.format(device.createdAt))\n"
        if let retired = device.retiredAt { out += "retired:   \(Self.format(retired))\n" }
        out += "\n" + historyText()
        return out
    }

    /// The history, newest first, one event per line.
    public func historyText() -> String {
        var table = TextTable(header: ["WHEN", "EVENT", "BY", "NOTE"])
        for entry in history {
            switch entry {
            case .mark(let mark):
                table.append([Self.format(mark.markedAt), "marked \(mark.condition.rawValue) (\(mark.condition.vietnamese))",
                              mark.markedBy, mark.note])
            case .state(let change):
                table.append([Self.format(change.time), "probe: \(change.to.rawValue)", "kiemke", change.reason])
            }
        }
        return "history of \(TerminalText.escaped(device.name)):\n" + table.render()
    }

    /// "2026-11-29 16:38" in the machine's time zone; one style for every row (status formats two a device).
    static let minuteStyle = Date.VerbatimFormatStyle(
        format: "\(year: .defaultDigits)-\(month: .twoDigits)-\(day: .twoDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits)",
        timeZone: .current, calendar: Calendar(identifier: .gregorian))

    static func format(_ date: Date) -> String {
        date.formatted(minuteStyle)
    }
}
