import Foundation
import KiemkeCore

/// Turns the report's figures into a document in one language: which sentences, lists and tables
/// appear is decided here, their words come from the language's `ReportPhrases`.
///
/// The document has two parts. First the text to paste into the half-year report: the seed's
/// paragraphs, with counts and shares only. Then, after a separator, notes for the person making
/// the report: the period and coverage, what was not measured, broken equipment, what the probes
/// suggest looking at, and the table of figures.
public struct ReportDocumentBuilder: Sendable {
    public var phrases: any ReportPhrases

    public init(phrases: any ReportPhrases) {
        self.phrases = phrases
    }

    public func build(_ report: DigitalGovernmentReport) -> ReportDocument {
        let calendar = report.calendar
        let endDay = DayKey(report.span.end.addingTimeInterval(report.isRunning ? 0 : -1), calendar: calendar)
        let counted = report.kinds.contains { $0.total > 0 }

        // The text to paste.
        var paste: [ReportBlock] = [.heading(phrases.title)]
        if counted {
            if let text = phrases.infrastructure(report) { paste.append(.paragraph(text)) }
            let available = report.kinds.compactMap { s in s.availabilityRatio.percent == nil ? nil : (kind: s.kind, ratio: s.availabilityRatio) }
            let internet = report.internet.flatMap { $0.availabilityRatio.percent == nil ? nil : $0.availabilityRatio }
            if let text = phrases.availability(available, internet: internet) { paste.append(.paragraph(text)) }
        } else {
            paste.append(.paragraph(phrases.noEquipment(at: endDay)))
        }
        if let text = phrases.application(report.readiness) { paste.append(.paragraph(text)) }
        if let iso = report.readiness.iso9001, !iso.isEmpty { paste.append(.paragraph(phrases.quality(iso9001: iso))) }

        // The notes.
        var notes: [ReportText] = []
        let time = calendar.dateComponents([.hour, .minute], from: report.span.end)
        notes.append(phrases.periodNote(from: report.period.first, to: endDay, running: report.isRunning,
                                        endTime: String(format: "%02d:%02d", time.hour ?? 0, time.minute ?? 0)))
        if !report.inventoryEverHeld {
            notes.append(phrases.emptyInventory)
        } else if !counted, let first = report.firstDeviceSince, first > report.span.end {
            notes.append(phrases.beforeInventory(firstDay: DayKey(first, calendar: calendar)))
        }
        if let measured = report.coverage.measured {
            let fromDay = DayKey(measured.start, calendar: calendar)
            let toDay = DayKey(measured.end, calendar: calendar)
            // "until" only when kiemke stopped measuring a day or more before the period's end.
            let stopped = report.span.end.timeIntervalSince(measured.end) >= 86_400 ? toDay : nil
            notes.append(phrases.coverageNote(from: fromDay, to: stopped, ratio: report.coverageRatio, officeHours: report.coverage.officeHours))
        } else if report.inventoryEverHeld {
            notes.append(phrases.noMeasurements)
        }
        if report.coverage.measured != nil {
            for s in report.kinds where s.networked > s.measured {
                notes.append(phrases.unmeasured(s.kind, count: s.networked - s.measured, of: s.networked))
            }
            let silent = report.devices.filter { $0.counted && $0.measured && !$0.answered && !$0.device.address.isEmpty }
                .map { phrases.deviceLabel(kind: $0.device.kind, location: $0.device.location, name: $0.device.name) }
            if !silent.isEmpty { notes.append(phrases.neverAnswered(silent)) }
        }
        for s in report.kinds where s.unmarked > 0 {
            notes.append(phrases.unmarked(s.kind, count: s.unmarked))
        }
        notes += report.readinessProblems.map(phrases.readinessProblem)

        var details: [ReportBlock] = [.separator(phrases.notesTitle), .list(title: nil, items: notes)]
        if !report.equipment.isEmpty {
            let items = report.equipment.map { phrases.equipment($0, since: DayKey($0.since, calendar: calendar)) }
            details.append(.list(title: phrases.equipmentTitle, items: items))
        }
        let groups = Self.attentionGroups(report.attention)
        if !groups.isEmpty {
            let labels = Dictionary(report.devices.map { ($0.device.name, $0.device) }, uniquingKeysWith: { _, last in last })
            let items: [ReportText] = groups.map { group in
                let device = labels[group.name]
                let label = device.map { phrases.deviceLabel(kind: $0.kind, location: $0.location, name: $0.name) } ?? group.name
                return phrases.attentionGroup(device: label, attentions: group.attentions)
            }
            details.append(.list(title: phrases.attentionTitle, items: items))
        }
        if counted { details.append(.table(figureTable(report))) }

        return ReportDocument(language: phrases.language, sections: [ReportSection(paste), ReportSection(details)],
                              deviceTable: Self.deviceTable(report), figures: report)
    }

    /// Attention items one group per device, in the order the devices first appear.
    static func attentionGroups(_ items: [AttentionItem]) -> [(name: String, attentions: [Attention])] {
        var groups: [(name: String, attentions: [Attention])] = []
        for item in items {
            if let index = groups.firstIndex(where: { $0.name == item.name }) {
                groups[index].attentions.append(item.attention)
            } else {
                groups.append((item.name, [item.attention]))
            }
        }
        return groups
    }

    /// Counts by kind and condition, connection and availability: one row per kind.
    func figureTable(_ report: DigitalGovernmentReport) -> ReportTable {
        let titles = phrases.tableColumns
        var table = ReportTable(columns: titles.enumerated().map { ReportTable.Column($1, $0 == 0 ? .leading : .trailing) })
        for s in report.kinds where s.total > 0 {
            let counts: [ReportText] = Condition.allCases.map { "\(.integer(s.conditions[$0] ?? 0))" }
            let reachable: ReportText = s.reachableRatio.map { "\(.percent($0)) (\(.integer(s.reachable))/\(.integer(s.networked)))" } ?? "–"
            let availability: ReportText = s.availabilityRatio.percent == nil ? "–" : "\(.percent(s.availabilityRatio)) (\(.hours(s.availabilityRatio)))"
            table.rows.append(["\(phrases.kindName(s.kind))", "\(.integer(s.total))"] + counts + [reachable, availability])
        }
        return table
    }

    /// One row per device with its raw values; the column titles are stable keys, in no language.
    static func deviceTable(_ report: DigitalGovernmentReport) -> ReportTable {
        let keys = ["name", "kind", "address", "location", "condition", "condition_since", "note", "state", "state_since",
                    "last_probe", "availability_pct", "up_seconds", "down_seconds", "broken_seconds", "off_seconds", "unknown_seconds",
                    "counted", "answered", "measured", "facts_at"]
        var table = ReportTable(columns: keys.map { ReportTable.Column($0) })
        // Times as the office reads them (and `devices import` reads back), in the office's time zone.
        let local = OfficeDate.Format(timeZone: report.calendar.timeZone)
        for line in report.devices {
            let d = line.device
            let t = line.time
            let cells: [String] = [
                d.name, d.kind.rawValue, d.address, d.location, line.condition?.rawValue ?? "",
                line.conditionSince.map { local.string($0) } ?? "", d.note,
                line.state?.state.rawValue ?? "", line.state.map { local.string($0.since) } ?? "",
                line.state.map { local.string($0.lastProbe) } ?? "",
                t.availability.map { String(format: "%.1f", $0 * 100) } ?? "",
                String(format: "%.0f", t.up), String(format: "%.0f", t.down), String(format: "%.0f", t.broken),
                String(format: "%.0f", t.off), String(format: "%.0f", max(0, line.expectedSeconds - (t.up + t.down + t.broken))),
                line.counted ? "yes" : "no", line.answered ? "yes" : "no", line.measured ? "yes" : "no",
                // How old the SNMP facts (toner, pages, disks) behind the attention items are.
                line.state?.lastFactsAt.map { local.string($0) } ?? "",
            ]
            table.rows.append(cells.map { ReportText(stringLiteral: $0) })
        }
        return table
    }
}
