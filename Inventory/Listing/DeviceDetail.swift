import Foundation
import KiemkeCore

/// One device's details and history, as `devices show` and `history` print them: everything
/// kiemke knows of it (a retired device too, saying when it was retired).
public struct DeviceDetail: Sendable {
    public var device: Device
    public var history: [HistoryEntry]
    /// Its probe state and the facts it last gave; nil before its first probe.
    public var state: DeviceState?
    /// Writes times in the office's time zone, the one dates are typed in.
    let dates: OfficeDate.Format
    let timeZone: TimeZone

    public init(store: InventoryStore, name: String) throws {
        (device, history, state) = try store.detail(named: name)
        dates = OfficeDate.Format(timeZone: store.timeZone)
        timeZone = store.timeZone
    }

    /// The latest mark: the condition now (history is newest first by date).
    public var currentMark: ConditionMark? {
        history.lazy.compactMap { if case .mark(let mark) = $0 { mark } else { nil } }.first
    }

    /// The device's fields, condition, state and facts, followed by its history; every value is
    /// on one line and escaped (`TerminalText`).
    public func text(language: ReportLanguage = .en) -> String {
        let words = ListingWords(language)
        var lines: [(String, String)] = []
        func add(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { lines.append((words.label(label), TerminalText.escaped(TextTable.oneLine(value)))) }
        }
        add("name", device.name)
        add("kind", words.kindBoth(device.kind))
        add("address", device.address.isEmpty ? (language == .vi ? "- (không nối mạng)" : "- (no network)") : device.address)
        add("location", device.location)
        add("note", device.note)
        if let mark = currentMark {
            var text = language == .vi
                ? "\(words.conditionBoth(mark.condition)) từ \(dates.string(mark.markedAt)), do \(mark.markedBy) đánh dấu"
                : "\(words.conditionBoth(mark.condition)) since \(dates.string(mark.markedAt)), by \(mark.markedBy)"
            if !mark.note.isEmpty { text += ": \(mark.note)" }
            add("condition", text)
        }
        if let version = device.snmpVersion {
            add("snmp", "v\(version.rawValue)\(device.snmpPort.map { ", port \($0)" } ?? "")")
        }
        add("schedule", device.schedule?.rawValue)
        add("interval", device.pollInterval.map { DurationText.format($0) })
        add("since", dates.string(device.createdAt))
        if dates.string(device.enteredAt) != dates.string(device.createdAt) { add("entered", dates.string(device.enteredAt)) }
        if let retired = device.retiredAt { add("retired", "\(dates.string(retired)) " + (language == .vi ? "(không còn được đếm; lịch sử vẫn giữ)" : "(no longer counted; history kept)")) }
        if let s = state {
            var text = "\(words.state(s.state)) " + (language == .vi ? "từ " : "since ") + dates.string(s.since)
            if !s.lastAnsweredBy.isEmpty { text += (language == .vi ? ", trả lời qua " : ", answered by ") + s.lastAnsweredBy }
            add("state", text)
            var probe = dates.string(s.lastProbe)
            if let rtt = s.lastRttMs { probe += String(format: ", %.1f ms", rtt) }
            if let error = s.lastError, !error.isEmpty { probe += ", " + (language == .vi ? ProblemText.vietnamese(error) : error) }
            add("last probe", probe)
        } else if !device.address.isEmpty {
            add("state", language == .vi ? "chưa thăm dò" : "not probed yet")
        }
        if let f = state?.lastFacts {
            // What the probes make of it, with the classifier's reasons (the marked kind is the list's).
            let confidence = Int((f.classification.confidence * 100).rounded())
            // The classifier's reason stays as it is written (it quotes what the device said).
            add("seen as", language == .vi
                ? "\(words.kind(f.classification.kind)), độ tin cậy \(confidence)%: \(f.classification.reason)"
                : "\(f.classification.kind.rawValue), confidence \(confidence)%: \(f.classification.reason)")
            add("vendor", f.vendor)
            add("model", f.model)
            add("serial", f.serial)
            add("firmware", f.firmware)
            add("page count", f.pageCount.map(String.init))
            for supply in f.supplies {
                let level = supply.levelPct.map { "\($0)%" } ?? supply.levelState ?? (language == .vi ? "không rõ mức" : "level unknown")
                add("supply", "\(supply.name): \(level)")
            }
            for disk in f.storage where disk.isDisk {
                let used = disk.usedPct.map { String(format: language == .vi ? "đã dùng %.0f%%" : "%.0f%% used", $0) } ?? (language == .vi ? "không rõ dung lượng đã dùng" : "use unknown")
                add("disk", "\(disk.name): \(used)\(disk.sizeBytes.map { (language == .vi ? " trên " : " of ") + Self.gigabytes($0) } ?? "")")
            }
            if !f.conditions.isEmpty {
                add("reports", (language == .vi ? f.conditions.map { words.attention(.printerCondition(PrinterCondition(name: $0))) } : f.conditions)
                    .joined(separator: ", "))
            }
            add("facts read", state?.lastFactsAt.map(dates.string))
        }
        // Values start in column 12, as they always have (scripts grep "address:   ").
        var out = lines.map { label, value in
            let head = label + ":"
            return (head.count >= 11 ? head + " " : head.padding(toLength: 11, withPad: " ", startingAt: 0)) + value + "\n"
        }.joined()
        out += words.zoneLine(timeZone) + "\n"
        out += "\n" + historyText(language: language)
        return out
    }

    /// The history, newest first by when things happened, one event per line; a back-dated
    /// mark also says when it was entered; a retired device's history starts with its retirement.
    public func historyText(language: ReportLanguage = .en) -> String {
        let words = ListingWords(language), vi = language == .vi
        var table = TextTable(header: ["WHEN", "EVENT", "BY", "NOTE"].map(words.heading))
        if let retired = device.retiredAt { table.append([dates.string(retired), vi ? "ngừng sử dụng" : "retired", "", ""]) }
        for entry in history {
            switch entry {
            case .mark(let mark):
                let when = dates.string(mark.markedAt), entered = dates.string(mark.enteredAt)
                let event = (vi ? "đánh dấu \(words.conditionBoth(mark.condition))" : "marked \(words.conditionBoth(mark.condition))")
                    + (entered == when ? "" : (vi ? ", nhập lúc \(entered)" : ", entered \(entered)"))
                table.append([when, event, mark.markedBy, mark.note])
            case .state(let change):
                table.append([dates.string(change.time), (vi ? "thăm dò: " : "probe: ") + words.state(change.to), "kiemke", change.reason])
            case .edit(let edit):
                table.append([dates.string(edit.time), (vi ? "sửa: " : "edited: ") + edit.changes, edit.editedBy, ""])
            }
        }
        var title = (vi ? "lịch sử của " : "history of ") + TerminalText.escaped(device.name)
        if let retired = device.retiredAt { title += vi ? " (ngừng sử dụng \(dates.string(retired)))" : " (retired \(dates.string(retired)))" }
        return title + ", " + words.zoneLine(timeZone) + ":\n" + table.render()
    }

    /// Everything `text` shows, as JSON (snake_case keys, ISO-8601 times, null when unknown).
    public func json() throws -> String {
        let d = device, s = state, f = state?.lastFacts, mark = currentMark
        let history: [JSONValue] = history.map { entry in
            switch entry {
            case .mark(let m):
                ["event": "mark", "time": .time(m.markedAt), "entered_at": .time(m.enteredAt),
                 "condition": .string(m.condition.rawValue), "by": .string(m.markedBy), "note": .string(m.note)]
            case .state(let c):
                ["event": "state", "time": .time(c.time), "from": .string(c.from?.rawValue), "to": .string(c.to.rawValue),
                 "reason": .string(c.reason)]
            case .edit(let e):
                ["event": "edit", "time": .time(e.time), "by": .string(e.editedBy), "changes": .string(e.changes)]
            }
        }
        let supplies: [JSONValue] = (f?.supplies ?? []).map {
            ["name": .string($0.name), "type": .string($0.type), "color": .string($0.color),
             "level_pct": .int($0.levelPct), "level_state": .string($0.levelState)]
        }
        let disks: [JSONValue] = (f?.storage ?? []).filter(\.isDisk).map {
            ["name": .string($0.name), "size_bytes": $0.sizeBytes.map { .int(Int($0)) } ?? .null,
             "used_bytes": $0.usedBytes.map { .int(Int($0)) } ?? .null, "used_pct": .number($0.usedPct, places: 1)]
        }
        let object: JSONValue = [
            "name": .string(d.name), "kind": .string(d.kind.rawValue), "address": .string(d.address),
            "location": .string(d.location), "note": .string(d.note),
            "condition": .string(mark?.condition.rawValue), "condition_since": .time(mark?.markedAt),
            "condition_by": .string(mark?.markedBy), "condition_note": .string(mark?.note),
            "snmp_version": .string(d.snmpVersion?.rawValue), "snmp_port": .int(d.snmpPort),
            "schedule": .string(d.schedule?.rawValue), "since": .time(d.createdAt), "entered_at": .time(d.enteredAt),
            "retired_at": .time(d.retiredAt),
            "state": .string(s?.state.rawValue), "state_since": .time(s?.since), "last_probe": .time(s?.lastProbe),
            "rtt_ms": .number(s?.lastRttMs, places: 2), "answered_by": .string(s.map(\.lastAnsweredBy)),
            "classification": f.map { .object(["kind": .string($0.classification.kind.rawValue),
                                               "confidence": .number($0.classification.confidence, places: 2),
                                               "reason": .string($0.classification.reason)]) } ?? .null,
            "vendor": .string(f?.vendor), "model": .string(f?.model), "serial": .string(f?.serial),
            "firmware": .string(f?.firmware), "page_count": f?.pageCount.map { .int(Int($0)) } ?? .null,
            "supplies": .array(supplies), "disks": .array(disks), "device_conditions": .array((f?.conditions ?? []).map { .string($0) }),
            "facts_at": .time(s?.lastFactsAt), "time_zone": .string(timeZone.identifier),
            "history": .array(history),
        ]
        return try object.rendered()
    }

    private static func gigabytes(_ bytes: Int64) -> String {
        String(format: "%.1f GB", Double(bytes) / 1_000_000_000)
    }
}
