import Foundation
import KiemkeCore

extension DigitalGovernmentReport {
    /// The JSON contract: figures with their numerators and denominators, unknowns as null.
    public func json() throws -> String {
        var kindsObject: [String: JSONValue] = [:]
        for s in kinds {
            var conditions: [String: JSONValue] = [:]
            for c in Condition.allCases { conditions[c.rawValue] = .int(s.conditions[c] ?? 0) }
            kindsObject[s.kind.rawValue] = [
                "total": .int(s.total),
                "conditions": .object(conditions),
                "networked": .int(s.networked),
                "reachable": .int(s.reachable),
                "reachable_pct": .number(s.reachablePercent),
                "availability_pct": .number(s.availabilityPercent),
                "up_seconds": .number(s.time.up, places: 0),
                "down_seconds": .number(s.time.down, places: 0),
                "broken_seconds": .number(s.time.broken, places: 0),
                "off_seconds": .number(s.time.off, places: 0),
                "unknown_seconds": .number(s.unknownSeconds, places: 0),
                "expected_seconds": .number(s.expectedSeconds, places: 0),
                "coverage_pct": .number(s.coveragePercent),
            ]
        }
        let attentionItems: [JSONValue] = equipment.map { item in
            ["name": .string(item.name), "kind": .string(item.kind.rawValue), "location": .string(item.location),
             "condition": .string(item.condition.rawValue), "note": .string(item.note), "since": .time(item.since),
             "issue": .null]
        } + attention.map { item in
            ["name": .string(item.name), "kind": .string(item.kind.rawValue), "condition": .null, "note": .string(""),
             "issue": .string(item.issue), "since": .time(item.since)]
        }
        var readinessObject: [String: JSONValue] = [:]
        if let staff = readiness.staff { readinessObject["staff"] = .int(staff) }
        if let mail = readiness.staffWithOfficialEmail { readinessObject["staff_with_official_email"] = .int(mail) }
        if let signatures = readiness.digitalSignatures { readinessObject["digital_signatures"] = .int(signatures) }
        if !readiness.software.isEmpty { readinessObject["software"] = .array(readiness.software.map(JSONValue.string)) }
        if let room = readiness.onlineMeetingRoom { readinessObject["online_meeting_room"] = .bool(room) }
        let document: JSONValue = [
            "office": .string(office),
            "period": ["from": .string(period.from), "to": .string(period.to)],
            "generated_at": .time(generatedAt),
            "kinds": .object(kindsObject),
            "attention": .array(attentionItems),
            "coverage_pct": .number(coveragePercent),
            "readiness": .object(readinessObject),
            "internet": internet.map { link in
                ["targets": .array(link.targets.map(JSONValue.string)), "availability_pct": .number(link.availabilityPercent),
                 "up_seconds": .number(link.time.up, places: 0), "down_seconds": .number(link.time.down, places: 0),
                 "expected_seconds": .number(link.expectedSeconds, places: 0)]
            } ?? .null,
        ]
        return try document.rendered()
    }

    /// One row per device, for a spreadsheet.
    public func csv() -> String {
        var lines = [CSVReader.line(["name", "kind", "address", "location", "condition", "condition_since", "note",
                                     "state", "state_since", "last_probe", "availability_pct", "up_seconds",
                                     "down_seconds", "broken_seconds", "off_seconds", "unknown_seconds"])]
        for line in devices {
            let d = line.device
            let t = line.time
            lines.append(CSVReader.line([
                d.name, d.kind.rawValue, d.address, d.location, line.condition?.rawValue ?? "",
                line.conditionSince.map { $0.formatted(.iso8601) } ?? "", d.note,
                line.state?.state.rawValue ?? "", line.state.map { $0.since.formatted(.iso8601) } ?? "",
                line.state.map { $0.lastProbe.formatted(.iso8601) } ?? "",
                t.availability.map { String(format: "%.1f", $0 * 100) } ?? "",
                String(format: "%.0f", t.up), String(format: "%.0f", t.down), String(format: "%.0f", t.broken),
                String(format: "%.0f", t.off), String(format: "%.0f", max(0, line.expectedSeconds - t.observed)),
            ]))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The section as Markdown: the prose, then a table of figures.
    public func markdown(_ language: ReportLanguage) -> String {
        let n = NumberStyle(language)
        let vi = language == .vi
        var prose = text(language).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        prose[0] = "## " + prose[0]
        var out = prose.joined(separator: "\n")
        out += vi ? "\n| Loại thiết bị | Tổng | Tốt | Trung bình | Xuống cấp | Hỏng | Kết nối | Thời gian hoạt động |\n"
                  : "\n| Kind | Total | Good | Fair | Degraded | Broken | Reachable | Availability |\n"
        out += "|---|---:|---:|---:|---:|---:|---:|---:|\n"
        for s in kinds {
            let c = { (c: Condition) in n.count(s.conditions[c] ?? 0) }
            out += "| \(vi ? s.kind.vietnamese : s.kind.english) | \(n.count(s.total)) | \(c(.good)) | \(c(.fair)) | \(c(.degraded)) | \(c(.broken)) | "
            out += (s.reachablePercent.map { "\(n.percent($0)) (\(s.reachable)/\(s.networked))" } ?? "–") + " | "
            out += (s.availabilityPercent.map(n.percent) ?? "–") + " |\n"
        }
        return out
    }
}
