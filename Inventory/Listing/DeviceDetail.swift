import Foundation

/// One device's details and history, as `devices show` and `history` print them.
public struct DeviceDetail: Sendable {
    public var device: Device
    public var history: [HistoryEntry]
    /// Writes times in the office's time zone, the one dates are typed in.
    let dates: OfficeDate.Format

    public init(store: InventoryStore, name: String) throws {
        (device, history) = try store.history(named: name)
        dates = OfficeDate.Format(timeZone: store.timeZone)
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
        out += "since:     \(dates.string(device.createdAt))\n"
        if dates.string(device.enteredAt) != dates.string(device.createdAt) {
            out += "entered:   \(dates.string(device.enteredAt))\n"
        }
        if let retired = device.retiredAt { out += "retired:   \(dates.string(retired))\n" }
        out += "\n" + historyText()
        return out
    }

    /// The history, newest first by when things happened, one event per line; a back-dated
    /// mark also says when it was entered.
    public func historyText() -> String {
        var table = TextTable(header: ["WHEN", "EVENT", "BY", "NOTE"])
        for entry in history {
            switch entry {
            case .mark(let mark):
                let when = dates.string(mark.markedAt), entered = dates.string(mark.enteredAt)
                let event = "marked \(mark.condition.rawValue) (\(mark.condition.vietnamese))"
                    + (entered == when ? "" : ", entered \(entered)")
                table.append([when, event, mark.markedBy, mark.note])
            case .state(let change):
                table.append([dates.string(change.time), "probe: \(change.to.rawValue)", "kiemke", change.reason])
            }
        }
        return "history of \(TerminalText.escaped(device.name)):\n" + table.render()
    }
}
