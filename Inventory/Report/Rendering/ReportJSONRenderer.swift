import Foundation
import KiemkeCore

/// The JSON contract: figures with their numerators and denominators, unknowns as null.
public struct ReportJSONRenderer: ReportRenderer {
    public init() {}

    public func render(_ document: ReportDocument) throws -> String {
        let report = document.figures
        var kindsObject: [String: JSONValue] = [:]
        for s in report.kinds {
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
        let attentionItems: [JSONValue] = report.equipment.map { item in
            ["name": .string(item.name), "kind": .string(item.kind.rawValue), "location": .string(item.location),
             "condition": .string(item.condition.rawValue), "note": .string(item.note), "since": .time(item.since),
             "issue": .null]
        } + report.attention.map { item in
            ["name": .string(item.name), "kind": .string(item.kind.rawValue), "condition": .null, "note": .string(""),
             "issue": .string(item.issue), "since": .time(item.since)]
        }
        let readiness = report.readiness
        var readinessObject: [String: JSONValue] = [:]
        if let staff = readiness.staff { readinessObject["staff"] = .int(staff) }
        if let mail = readiness.staffWithOfficialEmail { readinessObject["staff_with_official_email"] = .int(mail) }
        if let signatures = readiness.digitalSignatures { readinessObject["digital_signatures"] = .int(signatures) }
        if !readiness.software.isEmpty { readinessObject["software"] = .array(readiness.software.map(JSONValue.string)) }
        if let room = readiness.onlineMeetingRoom { readinessObject["online_meeting_room"] = .bool(room) }
        let json: JSONValue = [
            "office": .string(report.office),
            "period": ["from": .string(report.period.from), "to": .string(report.period.to)],
            "generated_at": .time(report.generatedAt),
            "kinds": .object(kindsObject),
            "attention": .array(attentionItems),
            "coverage_pct": .number(report.coveragePercent),
            "readiness": .object(readinessObject),
            "internet": report.internet.map { link in
                ["targets": .array(link.targets.map(JSONValue.string)), "availability_pct": .number(link.availabilityPercent),
                 "up_seconds": .number(link.time.up, places: 0), "down_seconds": .number(link.time.down, places: 0),
                 "expected_seconds": .number(link.expectedSeconds, places: 0)]
            } ?? .null,
        ]
        return try json.rendered()
    }
}
