import Foundation
import Inventory
import KiemkeCore

extension ProvinceReport {
    /// The report in `format` (text, markdown, csv, json) and `language`.
    public func rendered(_ format: ReportFormat, language: ReportLanguage) throws -> String {
        switch format {
        case .json: return try json()
        case .csv: return csv(language)
        case .markdown: return markdown(language)
        case .text: return text(language)
        case .docx: throw ProvinceError.formatUnavailable(format.rawValue)
        }
    }

    /// `{"offices": [{code, name, last_sync, kinds, ...}], "totals": {"kinds": {...}}, ...}`; kinds
    /// with the same fields as the local JSON report's.
    public func json() throws -> String {
        let offices: [JSONValue] = offices.map { office in
            let equipment: [JSONValue] = (office.report?.equipment ?? []).map { item in
                ["name": .string(item.name), "kind": .string(item.kind.rawValue), "location": .string(item.location),
                 "condition": .string(item.condition.rawValue), "note": .string(item.note), "since": .time(item.since)]
            }
            return [
                "code": .string(office.code), "name": .string(office.name), "last_sync": .time(office.lastSync),
                "stale": .bool(office.stale), "kinds": Self.kindsJSON(office.kinds),
                "coverage_pct": .percent(office.coverage?.percent),
                "availability_pct": .percent(office.availability.percent),
                "equipment": .array(equipment),
            ]
        }
        let json: JSONValue = [
            "period": ["from": .string(period.from), "to": .string(period.to)],
            "generated_at": .time(generatedAt),
            "stale_after_hours": .number(staleAfter / 3600, places: 1),
            "offices": .array(offices),
            "totals": ["kinds": Self.kindsJSON(totals),
                       "availability_pct": .percent(Ratio(availability: totals.reduce(AvailabilityTotals()) { $0 + $1.time }).percent)],
            "stale_offices": .array(self.offices.filter(\.stale).map { .string($0.code) }),
        ]
        return try json.rendered()
    }

    /// A kind list as the local JSON report writes its `kinds` (through the local renderer's own code).
    public static func kindsJSON(_ kinds: [DigitalGovernmentReport.KindSummary]) -> JSONValue {
        ReportJSONRenderer.kinds(kinds)
    }

    /// The table and lists as a `ReportDocument`, for the Word renderer the local report uses: a
    /// heading, the table (totals last), the broken equipment by office and the stale offices.
    ///
    /// Its `figures` are an empty report named after the table and dated `generatedAt` (what the
    /// Word file's properties take from them); the province's figures are in the blocks.
    public func document(_ language: ReportLanguage) -> ReportDocument {
        let w = Self.words(language)
        let (header, rows) = table(language)
        let columns = header.enumerated().map { index, title in
            ReportTable.Column(title, index == 0 || index == header.count - 2 ? .leading : .trailing)
        }
        let equipment = equipmentLines(language), stale = staleLines(language)
        let blocks: [ReportBlock] = [
            .heading("\(w.title) (\(period.from) – \(period.to))"),
            .table(ReportTable(columns: columns, rows: rows.map { $0.map { ReportText(stringLiteral: $0) } })),
            equipment.isEmpty ? .paragraph("\(w.equipmentTitle): \(w.noEquipment)")
                : .list(title: "\(w.equipmentTitle):", items: equipment.map { ReportText(stringLiteral: $0) }),
            stale.isEmpty ? .paragraph("\(w.staleTitle) \(staleHours): \(w.noStale)")
                : .list(title: "\(w.staleTitle) \(staleHours):", items: stale.map { ReportText(stringLiteral: $0) }),
        ]
        let hours = OfficeHours()
        let figures = DigitalGovernmentReport(snapshot: ReportSnapshot(period: period, devices: []), hours: hours,
                                              office: "", now: generatedAt)
        return ReportDocument(language: language, sections: [ReportSection(blocks)],
                              deviceTable: ReportTable(columns: []), figures: figures)
    }

    // MARK: - The table

    private struct Words {
        var title: String, office: String, computers: String, connected: String, scanners: String, copiers: String
        var printers: String, cameras: String, brokenDegraded: String, availability: String, lastSync: String
        var coverage: String, total: String, never: String, equipmentTitle: String, noEquipment: String
        var staleTitle: String, noStale: String, broken: String, degraded: String, notSynced: String
    }

    private static func words(_ language: ReportLanguage) -> Words {
        switch language {
        case .vi:
            Words(title: "Tổng hợp thiết bị CNTT các xã, phường", office: "Đơn vị", computers: "Máy tính",
                  connected: "Kết nối mạng", scanners: "Máy quét", copiers: "Máy photocopy", printers: "Máy in",
                  cameras: "Camera", brokenDegraded: "Hỏng/xuống cấp", availability: "Sẵn sàng",
                  lastSync: "Đồng bộ lần cuối", coverage: "Dữ liệu phủ", total: "Tổng cộng", never: "chưa đồng bộ",
                  equipmentTitle: "Thiết bị hỏng, xuống cấp theo đơn vị", noEquipment: "Không có thiết bị hỏng hoặc xuống cấp.",
                  staleTitle: "Đơn vị chưa đồng bộ quá", noStale: "Mọi đơn vị đều đã đồng bộ gần đây.",
                  broken: "hỏng", degraded: "xuống cấp", notSynced: "chưa có dữ liệu")
        case .en:
            Words(title: "IT equipment of the communes", office: "Office", computers: "Computers",
                  connected: "Connected", scanners: "Scanners", copiers: "Copiers", printers: "Printers",
                  cameras: "Cameras", brokenDegraded: "Broken/degraded", availability: "Availability",
                  lastSync: "Last sync", coverage: "Data covers", total: "Total", never: "never",
                  equipmentTitle: "Broken and degraded equipment by office", noEquipment: "No equipment is broken or degraded.",
                  staleTitle: "Offices not synced for more than", noStale: "Every office has synced recently.",
                  broken: "broken", degraded: "degraded", notSynced: "no data")
        }
    }

    /// Header and rows of the table, totals last.
    private func table(_ language: ReportLanguage) -> (header: [String], rows: [[String]]) {
        let w = Self.words(language), style = NumberStyle(language)
        let header = [w.office, w.computers, w.connected, w.scanners, w.copiers, w.printers, w.cameras,
                      w.brokenDegraded, w.availability, w.lastSync, w.coverage]
        func percent(_ ratio: Ratio?) -> String { ratio?.percent.map(style.percent) ?? "–" }
        func line(name: String, kinds: [DigitalGovernmentReport.KindSummary], coverage: String, lastSync: String) -> [String] {
            let computers = kinds.first { $0.kind == .computer }
            let connected = computers.map { "\($0.reachableRatio?.percent.map(style.percent) ?? "–") (\($0.reachable)/\($0.networked))" } ?? "–"
            func count(_ kind: DeviceKind) -> String { style.count(kinds.first { $0.kind == kind }?.total ?? 0) }
            let broken = kinds.reduce(0) { $0 + ($1.conditions[.broken] ?? 0) }
            let degraded = kinds.reduce(0) { $0 + ($1.conditions[.degraded] ?? 0) }
            let availability = Ratio(availability: kinds.reduce(AvailabilityTotals()) { $0 + $1.time })
            return [name, count(.computer), connected, count(.scanner), count(.copier), count(.printer), count(.camera),
                    "\(broken)/\(degraded)", percent(availability), lastSync, coverage]
        }
        var rows = offices.map { office in
            line(name: "\(office.name) (\(office.code))", kinds: office.kinds,
                 coverage: office.report == nil ? w.notSynced : percent(office.coverage),
                 lastSync: office.lastSync.map(timeText) ?? w.never)
        }
        rows.append(line(name: w.total, kinds: totals, coverage: "", lastSync: ""))
        return (header, rows)
    }

    private func timeText(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? .gmt
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    private func equipmentLines(_ language: ReportLanguage) -> [String] {
        let w = Self.words(language)
        var lines: [String] = []
        for office in offices {
            for item in office.report?.equipment ?? [] {
                let condition = item.condition == .broken ? w.broken : w.degraded
                let place = item.location.isEmpty ? "" : ", \(item.location)"
                let note = item.note.isEmpty ? "" : ": \(item.note)"
                lines.append("\(office.name) (\(office.code)): \(item.name)\(place) — \(condition)\(note)")
            }
        }
        return lines
    }

    private func staleLines(_ language: ReportLanguage) -> [String] {
        let w = Self.words(language)
        return offices.filter(\.stale).map { "\($0.name) (\($0.code)): \($0.lastSync.map(timeText) ?? w.never)" }
    }

    private var staleHours: String {
        staleAfter.truncatingRemainder(dividingBy: 3600) == 0 ? "\(Int(staleAfter / 3600)) h" : String(format: "%.1f h", staleAfter / 3600)
    }

    /// Plain text: the table aligned, then the equipment and stale lists.
    public func text(_ language: ReportLanguage) -> String {
        let w = Self.words(language)
        let (header, rows) = table(language)
        var table = TextTable(header: header)
        for row in rows { table.append(row) }
        var out = "\(w.title) — \(period.from) … \(period.to)\n\n" + table.render() + "\n"
        let equipment = equipmentLines(language)
        out += "\(w.equipmentTitle):\n" + (equipment.isEmpty ? "  \(w.noEquipment)\n" : equipment.map { "  - \($0)\n" }.joined())
        let stale = staleLines(language)
        out += "\n\(w.staleTitle) \(staleHours):\n" + (stale.isEmpty ? "  \(w.noStale)\n" : stale.map { "  - \($0)\n" }.joined())
        return out
    }

    /// Markdown: the same table and lists.
    public func markdown(_ language: ReportLanguage) -> String {
        let w = Self.words(language)
        let (header, rows) = table(language)
        func cells(_ row: [String]) -> String { "| " + row.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |" }
        var out = "## \(w.title) (\(period.from) – \(period.to))\n\n" + cells(header) + "\n"
        out += "|" + String(repeating: " --- |", count: header.count) + "\n"
        out += rows.map(cells).joined(separator: "\n") + "\n"
        let equipment = equipmentLines(language)
        out += "\n### \(w.equipmentTitle)\n\n" + (equipment.isEmpty ? w.noEquipment + "\n" : equipment.map { "- \($0)\n" }.joined())
        let stale = staleLines(language)
        out += "\n### \(w.staleTitle) \(staleHours)\n\n" + (stale.isEmpty ? w.noStale + "\n" : stale.map { "- \($0)\n" }.joined())
        return out
    }

    /// CSV: one row per office (code and name apart), then the totals row; numbers unformatted.
    public func csv(_ language: ReportLanguage) -> String {
        func field(_ text: String) -> String {
            text.contains(where: { ",\"\n\r".contains($0) }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        func pct(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "" }
        let header = ["code", "name", "computers", "computers_networked", "computers_connected", "connected_pct", "scanners",
                      "copiers", "printers", "cameras", "broken", "degraded", "availability_pct", "last_sync", "coverage_pct", "stale"]
        func row(code: String, name: String, kinds: [DigitalGovernmentReport.KindSummary], lastSync: Date?, coverage: Double?, stale: String) -> [String] {
            let computers = kinds.first { $0.kind == .computer }
            func count(_ kind: DeviceKind) -> String { "\(kinds.first { $0.kind == kind }?.total ?? 0)" }
            return [code, name, count(.computer), "\(computers?.networked ?? 0)", "\(computers?.reachable ?? 0)",
                    pct(computers?.reachablePercent), count(.scanner), count(.copier), count(.printer), count(.camera),
                    "\(kinds.reduce(0) { $0 + ($1.conditions[.broken] ?? 0) })",
                    "\(kinds.reduce(0) { $0 + ($1.conditions[.degraded] ?? 0) })",
                    pct(Ratio(availability: kinds.reduce(AvailabilityTotals()) { $0 + $1.time }).percent),
                    lastSync.map { $0.formatted(.iso8601) } ?? "", pct(coverage), stale]
        }
        var lines = [header.joined(separator: ",")]
        for office in offices {
            lines.append(row(code: office.code, name: office.name, kinds: office.kinds, lastSync: office.lastSync,
                             coverage: office.coverage?.percent, stale: office.stale ? "yes" : "no").map(field).joined(separator: ","))
        }
        lines.append(row(code: "", name: Self.words(language).total, kinds: totals, lastSync: nil, coverage: nil, stale: "")
            .map(field).joined(separator: ","))
        return lines.joined(separator: "\n") + "\n"
    }
}
