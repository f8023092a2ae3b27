import Foundation
import Inventory
import Probes

/// What `kiemke probe ADDRESS` prints about one device: for a person, or as the JSON contract.
public struct ProbeReport: Sendable {
    public var result: DeviceProbeResult

    public init(result: DeviceProbeResult) {
        self.result = result
    }

    /// The JSON contract (extend, don't break); unknown values are null, never guessed.
    public func json() throws -> String {
        let facts = result.facts
        let document: JSONValue = [
            "address": .string(result.target.address.description),
            "up": .bool(result.up),
            "answered_by": .array(result.answeredBy.map { .string($0.rawValue) }),
            "rtt_ms": .number(result.rttMs, places: 2),
            "tcp_port": .int(result.tcpPort.map(Int.init)),
            "kind": .string(facts?.kind.rawValue),
            "vendor": .string(facts?.vendor),
            "model": .string(facts?.model),
            "serial": .string(facts?.serial),
            "firmware": .string(facts?.firmware),
            "classification": facts.map {
                ["confidence": .number($0.classification.confidence, places: 2), "reason": .string($0.classification.reason),
                 "reasons": .array($0.classification.reasons.map(JSONValue.string))]
            } ?? .null,
            "sys_name": .string(facts?.system.name),
            "sys_descr": .string(facts?.system.description),
            "sys_location": .string(facts?.system.location),
            "uptime_seconds": .int(facts?.system.uptimeTicks.map { Int($0 / 100) }),
            "device_status": .string(facts?.deviceStatus),
            "supplies": facts.map { .array($0.supplies.map { supply in
                ["name": .string(supply.name), "type": .string(supply.type), "color": .string(supply.color),
                 "level_pct": .int(supply.levelPct), "level_state": .string(supply.levelState)]
            }) } ?? .null,
            "page_count": .int(facts?.pageCount.map { Int($0) }),
            "conditions": facts.map { .array($0.conditions.map(JSONValue.string)) } ?? .null,
            "storage": facts.map { .array($0.storage.map { area in
                ["name": .string(area.name), "type": .string(area.isDisk ? "disk" : area.type),
                 "used_pct": .number(area.usedPct, places: 1)]
            }) } ?? .null,
            "interfaces": facts.map { .array($0.interfaces.map { interface in
                ["name": .string(interface.name), "status": .string(interface.operStatus),
                 "speed_mbps": .int(interface.speedMbps.map { Int($0) }), "mac": .string(interface.mac)]
            }) } ?? .null,
            "failures": .object(Dictionary(uniqueKeysWithValues: result.failures.map { ($0.key.rawValue, JSONValue.string($0.value)) })),
            "notes": facts.map { .array($0.notes.map(JSONValue.string)) } ?? .null,
        ]
        return try document.rendered()
    }

    /// A few lines a person reads: up or down and by which probe, what the device is, its supplies and errors.
    ///
    /// Each line is escaped (`TerminalText`): nearly everything in it is what the device says.
    /// In Vietnamese the labels, states and kiemke's own sentences are translated; what the device
    /// said (names, supply names, the classifier's evidence quoting it) stays as it was said.
    public func text(language: ReportLanguage = .en) -> String {
        lines(language).map { TerminalText.escaped($0) }.joined(separator: "\n") + "\n"
    }

    private func lines(_ language: ReportLanguage) -> [String] {
        let vi = language == .vi, words = ListingWords(language)
        let unknown = vi ? "không rõ" : "unknown"
        func said(_ text: String) -> String { vi ? ProblemText.vietnamese(text) : text }
        // Labels padded to one column, as the English has always been (scripts grep "  kind:       ").
        func line(_ en: String, _ viLabel: String, _ value: String) -> String {
            let label = (vi ? viLabel : en) + ":"
            return "  " + label.padding(toLength: max(12, label.count + 1), withPad: " ", startingAt: 0) + value
        }
        var lines: [String] = []
        let address = result.target.address.description
        if result.up {
            let rtt = result.rttMs.map { String(format: ", %.2f ms", $0) } ?? ""
            lines.append(vi ? "\(address): hoạt động (trả lời qua \(result.answeredByText))\(rtt)"
                            : "\(address): up (answered \(result.answeredByText))\(rtt)")
        } else {
            let why = result.failureSummary.map(said) ?? (vi ? "không trả lời" : "no answer")
            lines.append(vi ? "\(address): mất kết nối (\(why))" : "\(address): down (\(why))")
        }
        if let snmpFailure = result.failures[.snmp], result.up {
            lines.append("  snmp: \(said(snmpFailure))")
        }
        guard let facts = result.facts else { return lines }
        let classification = facts.classification
        let confidence = String(format: "%.2f", classification.confidence)
        lines.append(line("kind", "loại", vi ? "\(words.kind(facts.kind)) (\(facts.kind.rawValue), độ tin cậy \(confidence))"
                                              : "\(facts.kind.rawValue) (confidence \(confidence))"))
        lines.append(line("vendor", "hãng", facts.vendor ?? unknown))
        lines.append(line("model", "model", facts.model ?? unknown))
        lines.append(line("serial", "số sê-ri", facts.serial ?? unknown))
        lines.append(line("firmware", "firmware", facts.firmware ?? unknown))
        // The classifier's reason and evidence stay as written: they quote what the device said.
        lines.append(line("why", "lý do", classification.reason))
        // Every piece of evidence, so a person can see what kiemke weighed (and correct the kind if needed).
        for (index, reason) in classification.reasons.enumerated() {
            lines.append(index == 0 ? line("evidence", "căn cứ", reason) : String(repeating: " ", count: 14) + reason)
        }
        if let name = facts.system.name, !name.isEmpty { lines.append(line("name", "tên", name)) }
        if let status = facts.deviceStatus { lines.append(line("status", "trạng thái", status)) }
        if let pages = facts.pageCount { lines.append(line("pages", "số trang", "\(pages)")) }
        for supply in facts.supplies {
            let level = supply.levelPct.map { "\($0)%" } ?? supply.levelState ?? unknown
            lines.append(line("supply", "vật tư", "\(supply.name): \(level)"))
        }
        if !facts.conditions.isEmpty {
            let conditions = vi ? facts.conditions.map { words.attention(.printerCondition(PrinterCondition(name: $0))) } : facts.conditions
            lines.append(line("conditions", "báo lỗi", conditions.joined(separator: ", ")))
        }
        for area in facts.storage where area.isDisk {
            let used = area.usedPct.map { String(format: vi ? "đã dùng %.1f%%" : "%.1f%% used", $0) } ?? (vi ? "không rõ dung lượng đã dùng" : "use unknown")
            lines.append(line("disk", "ổ đĩa", "\(area.name) \(used)"))
        }
        for note in facts.notes { lines.append(line("note", "ghi chú", said(note))) }
        return lines
    }
}
