import Foundation
import KiemkeCore

/// Turns the report's figures into a document in one language: which sentences, lists and tables
/// appear is decided here, their words come from the language's `ReportPhrases`.
public struct ReportDocumentBuilder: Sendable {
    public var phrases: any ReportPhrases

    public init(phrases: any ReportPhrases) {
        self.phrases = phrases
    }

    /// Below this coverage (percent, as written) the report warns that measurements miss part of the period.
    static let fullCoverage = 99.5

    public func build(_ report: DigitalGovernmentReport) -> ReportDocument {
        var sections = [ReportSection([.heading(phrases.title)])]
        let lastDay = min(report.period.to, DayKey.string(for: report.generatedAt, calendar: report.calendar))
        sections.append(ReportSection([.paragraph(phrases.intro(office: report.office, fromDay: report.period.from, toDay: lastDay))]))

        // The measurements follow the counts; the computers' reachability, when known, opens a paragraph of its own.
        var counts = ReportSection([phrases.infrastructure(report.kinds)])
        var measured: [ReportText] = []
        if let computers = report.kinds.first(where: { $0.kind == .computer }), let ratio = computers.reachableRatio {
            measured.append(phrases.computersReachable(ratio, reachable: computers.reachable, networked: computers.networked))
        }
        let available = report.kinds.compactMap { s in s.availabilityRatio.percent == nil ? nil : (kind: s.kind, ratio: s.availabilityRatio) }
        let availability = available.isEmpty ? phrases.noAvailability : phrases.availability(available)
        var notes: [ReportText] = [availability]
        if let internet = report.internet, internet.availabilityRatio.percent != nil {
            notes.append(phrases.internet(internet.availabilityRatio, targets: internet.targets))
        }
        if !report.kinds.contains(where: { $0.probed > 0 }) {
            notes.append(phrases.notProbed)
        } else if let coverage = report.coverageRatio.percent, coverage > 0, coverage < Self.fullCoverage {
            notes.append(phrases.partialCoverage(report.coverageRatio))
        }
        if measured.isEmpty {
            counts.blocks += notes.map(ReportBlock.paragraph)
            sections.append(counts)
        } else {
            sections.append(counts)
            sections.append(ReportSection((measured + notes).map(ReportBlock.paragraph)))
        }

        if !report.equipment.isEmpty {
            let items = report.equipment.map { phrases.equipment($0, sinceDay: DayKey.string(for: $0.since, calendar: report.calendar)) }
            sections.append(ReportSection([.list(title: phrases.equipmentTitle, items: items)]))
        }
        if !report.attention.isEmpty {
            sections.append(ReportSection([.list(title: phrases.attentionTitle, items: report.attention.map(phrases.attentionItem))]))
        }
        if !report.readiness.isEmpty {
            sections.append(ReportSection([.list(title: phrases.readinessTitle, items: phrases.readiness(report.readiness))]))
        }
        sections.append(ReportSection([.table(figureTable(report))]))
        return ReportDocument(language: phrases.language, sections: sections, deviceTable: Self.deviceTable(report), figures: report)
    }

    /// Counts by kind and condition, reachability and availability: one row per kind.
    func figureTable(_ report: DigitalGovernmentReport) -> ReportTable {
        let titles = phrases.tableColumns
        var table = ReportTable(columns: titles.enumerated().map { ReportTable.Column($1, $0 == 0 ? .leading : .trailing) })
        for s in report.kinds {
            let counts: [ReportText] = Condition.allCases.map { "\(.count(s.conditions[$0] ?? 0))" }
            let reachable: ReportText = s.reachableRatio.map { "\(.percent($0)) (\(.integer(s.reachable))/\(.integer(s.networked)))" } ?? "–"
            let availability: ReportText = s.availabilityRatio.percent == nil ? "–" : "\(.percent(s.availabilityRatio))"
            table.rows.append(["\(phrases.kindName(s.kind))", "\(.count(s.total))"] + counts + [reachable, availability])
        }
        return table
    }

    /// One row per device with its raw values; the column titles are stable keys, in no language.
    static func deviceTable(_ report: DigitalGovernmentReport) -> ReportTable {
        let keys = ["name", "kind", "address", "location", "condition", "condition_since", "note", "state", "state_since",
                    "last_probe", "availability_pct", "up_seconds", "down_seconds", "broken_seconds", "off_seconds", "unknown_seconds",
                    "facts_at"]
        var table = ReportTable(columns: keys.map { ReportTable.Column($0) })
        for line in report.devices {
            let d = line.device
            let t = line.time
            let cells: [String] = [
                d.name, d.kind.rawValue, d.address, d.location, line.condition?.rawValue ?? "",
                line.conditionSince.map { $0.formatted(.iso8601) } ?? "", d.note,
                line.state?.state.rawValue ?? "", line.state.map { $0.since.formatted(.iso8601) } ?? "",
                line.state.map { $0.lastProbe.formatted(.iso8601) } ?? "",
                t.availability.map { String(format: "%.1f", $0 * 100) } ?? "",
                String(format: "%.0f", t.up), String(format: "%.0f", t.down), String(format: "%.0f", t.broken),
                String(format: "%.0f", t.off), String(format: "%.0f", max(0, line.expectedSeconds - t.observed)),
                // How old the SNMP facts (toner, pages, disks) behind the attention items are.
                line.state?.lastFactsAt.map { $0.formatted(.iso8601) } ?? "",
            ]
            table.rows.append(cells.map { ReportText(stringLiteral: $0) })
        }
        return table
    }
}
