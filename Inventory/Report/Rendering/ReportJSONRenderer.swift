import Foundation
import KiemkeCore

/// The JSON contract: figures with their numerators and denominators, unknowns as null.
///
/// Keeps its shape (`kinds.KIND.{total, conditions, reachable, reachable_pct, availability_pct}`,
/// top-level `coverage_pct`); fields are added, never removed. Every share the text states has
/// its numerator and denominator here.
public struct ReportJSONRenderer: ReportRenderer {
    public init() {}

    public func render(_ document: ReportDocument) throws -> String {
        let report = document.figures
        let equipment: [JSONValue] = report.equipment.map { item in
            ["name": .string(item.name), "kind": .string(item.kind.rawValue), "location": .string(item.location),
             "condition": .string(item.condition.rawValue), "note": .string(item.note), "since": .time(item.since),
             "issue": .null]
        }
        let attention: [JSONValue] = report.attention.map { item in
            ["name": .string(item.name), "kind": .string(item.kind.rawValue), "condition": .null, "note": .string(""),
             "issue": .string(item.issue), "since": .time(item.since)]
        }
        let coverage = report.coverage
        let json: JSONValue = [
            "office": .string(report.office),
            "period": [
                "from": .string(report.period.from), "to": .string(report.period.to),
                "start": .time(report.span.start), "end": .time(report.span.end),
            ],
            // Beside "period", whose values stay strings for readers that take them as such.
            "period_running": .bool(report.isRunning),
            "generated_at": .time(report.generatedAt),
            "kinds": Self.kinds(report.kinds),
            "attention": .array(equipment + attention),
            "has_measurements": .bool(report.hasMeasurements),
            "coverage_pct": .percent(report.coveragePercent),
            "coverage": [
                "measured_from": .time(coverage.measured?.start), "measured_to": .time(coverage.measured?.end),
                "measured_seconds": .number(coverage.ratio.numerator, places: 0),
                "period_seconds": .number(coverage.ratio.denominator, places: 0),
                "basis": .string(coverage.officeHours ? "office_hours" : "clock"),
            ],
            "readiness": readiness(report),
            // Always in English, so the JSON is one contract whatever --lang says.
            "notes": .array(notes(document.language == .en ? document : report.document(.en))),
            "internet": report.internet.map { link in
                ["targets": .array(link.targets.map(JSONValue.string)), "availability_pct": .percent(link.availabilityPercent),
                 "up_seconds": .number(link.time.up, places: 0), "down_seconds": .number(link.time.down, places: 0),
                 "expected_seconds": .number(link.expectedSeconds, places: 0)]
            } ?? .null,
        ]
        return try json.rendered()
    }

    /// `kinds` as the report's `kinds` object: the same fields, the same rounding wherever a report's
    /// kinds are written (the province's table too).
    public static func kinds(_ kinds: [DigitalGovernmentReport.KindSummary]) -> JSONValue {
        var kindsObject: [String: JSONValue] = [:]
        for s in kinds {
            var conditions: [String: JSONValue] = [:]
            for c in Condition.allCases { conditions[c.rawValue] = .int(s.conditions[c] ?? 0) }
            kindsObject[s.kind.rawValue] = [
                "total": .int(s.total),
                "conditions": .object(conditions),
                "unmarked": .int(s.unmarked),
                "networked": .int(s.networked),
                "measured": .int(s.measured),
                "reachable": .int(s.reachable),
                "reachable_pct": .percent(s.reachablePercent),
                "public_service": .int(s.publicService),
                "availability_pct": .percent(s.availabilityPercent),
                "up_seconds": .number(s.time.up, places: 0),
                "down_seconds": .number(s.time.down, places: 0),
                "broken_seconds": .number(s.time.broken, places: 0),
                "off_seconds": .number(s.time.off, places: 0),
                "unknown_seconds": .number(s.unknownSeconds, places: 0),
                "expected_seconds": .number(s.expectedSeconds, places: 0),
                "coverage_pct": .percent(s.coveragePercent),
            ]
        }
        return .object(kindsObject)
    }

    /// The readiness facts as given, with the shares the text computes from them and the inventory.
    func readiness(_ report: DigitalGovernmentReport) -> JSONValue {
        let facts = report.readiness
        let computers = report.kinds.first { $0.kind == .computer }
        func share(_ count: Int, of whole: Int) -> JSONValue {
            ["count": .int(count), "of": .int(whole), "pct": .percent(Ratio(count: count, of: whole).percent)]
        }
        var object: [String: JSONValue] = [:]
        if let staff = facts.staff { object["staff"] = .int(staff) }
        if let mail = facts.staffWithOfficialEmail { object["staff_with_official_email"] = .int(mail) }
        if let signatures = facts.digitalSignatures { object["digital_signatures"] = .int(signatures) }
        if !facts.software.isEmpty { object["software"] = .array(facts.software.map(JSONValue.string)) }
        if let room = facts.onlineMeetingRoom { object["online_meeting_room"] = .bool(room) }
        if let secured = facts.computersWithSecuritySoftware { object["computers_with_security_software"] = .int(secured) }
        if let asked = facts.onlineMeetingsRequested { object["online_meetings_requested"] = .int(asked) }
        if let held = facts.onlineMeetingsHeld { object["online_meetings_held"] = .int(held) }
        if let total = facts.documentsTotal { object["documents_total"] = .int(total) }
        if let inSoftware = facts.documentsInSoftware { object["documents_in_software"] = .int(inSoftware) }
        if let iso = facts.iso9001 { object["iso_9001"] = .string(iso) }
        if !facts.publicServiceComputers.isEmpty {
            object["public_service_computers"] = .array(facts.publicServiceComputers.map(JSONValue.string))
        }
        // The shares the text states, each with its numerator and denominator.
        var shares: [String: JSONValue] = [:]
        if let staff = facts.staff, staff > 0, let computers {
            shares["staff_with_computers"] = share(min(staff, computers.staffUse), of: staff)
        }
        if let mail = facts.staffWithOfficialEmail, let staff = facts.staff, staff > 0 {
            shares["staff_with_official_email"] = share(mail, of: staff)
        }
        if let secured = facts.computersWithSecuritySoftware, let computers, computers.total > 0 {
            shares["computers_with_security_software"] = share(secured, of: computers.total)
        }
        if let held = facts.onlineMeetingsHeld, let asked = facts.onlineMeetingsRequested, asked > 0 {
            shares["online_meetings_held"] = share(held, of: asked)
        }
        if let inSoftware = facts.documentsInSoftware, let total = facts.documentsTotal, total > 0 {
            shares["documents_in_software"] = share(inSoftware, of: total)
        }
        if !shares.isEmpty { object["shares"] = .object(shares) }
        if let computers {
            object["staff_computers"] = .int(computers.staffUse)
            object["public_service_computers_counted"] = .int(computers.publicService)
        }
        return .object(object)
    }

    /// The notes of the document, in its language, as plain strings.
    func notes(_ document: ReportDocument) -> [JSONValue] {
        let style = NumberStyle(document.language)
        var seenSeparator = false
        var out: [JSONValue] = []
        for block in document.sections.flatMap(\.blocks) {
            if case .separator = block { seenSeparator = true; continue }
            guard seenSeparator, case .list(nil, let items) = block else { continue }
            out += items.map { .string($0.plain(style)) }
        }
        return out
    }
}
