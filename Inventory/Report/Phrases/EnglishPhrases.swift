import Foundation
import KiemkeCore

/// The report in English (`--lang en`): plain words, figures as they are.
public struct EnglishPhrases: ReportPhrases {
    /// How one kind of equipment is named.
    public struct KindWording: Sendable, Equatable {
        /// As a list item or table row: "Computers".
        public var plural: String
        /// Inside a sentence: "computers", "security cameras".
        public var inSentence: String
        /// One device of the kind, beside its name: "(copier, Văn phòng)".
        public var singular: String
        /// Said after its availability, when it counts only part of the day: " (office hours)".
        public var availabilityScope: String
    }

    public init() {}

    public var language: ReportLanguage { .en }

    public func kind(_ kind: DeviceKind) -> KindWording {
        switch kind {
        case .computer: KindWording(plural: "Computers", inSentence: "computers", singular: "computer", availabilityScope: " (office hours)")
        case .scanner: KindWording(plural: "Scanners", inSentence: "scanners", singular: "scanner", availabilityScope: "")
        case .copier: KindWording(plural: "Copiers", inSentence: "copiers", singular: "copier", availabilityScope: "")
        case .printer: KindWording(plural: "Printers", inSentence: "printers", singular: "printer", availabilityScope: "")
        case .camera: KindWording(plural: "Security cameras", inSentence: "security cameras", singular: "camera", availabilityScope: "")
        case .network: KindWording(plural: "Network devices", inSentence: "network devices", singular: "network", availabilityScope: "")
        case .other: KindWording(plural: "Other equipment", inSentence: "other equipment", singular: "other", availabilityScope: "")
        }
    }

    public func kindName(_ kind: DeviceKind) -> String { self.kind(kind).plural }

    public func condition(_ condition: Condition) -> String {
        switch condition {
        case .good: "good"
        case .fair: "fair"
        case .degraded: "degraded"
        case .broken: "broken"
        }
    }

    public func attention(_ attention: Attention) -> String {
        switch attention {
        case .longOutage(let hours): "down for \(hours) hours"
        case .printerCondition(let condition): condition.name
        case .lowSupply(let name, let level): "\(name) low (\(level)%)"
        case .diskFull(let name, let used): "disk \(name) nearly full (\(Int(used))%)"
        }
    }

    public var title: ReportText { "6. E-government and digital government" }

    public func intro(office: String, fromDay: String, toDay: String) -> ReportText {
        let who = office.isEmpty ? "" : " of \(office)"
        return "Equipment figures\(who) measured by kiemke from \(fromDay) to \(toDay)."
    }

    public func infrastructure(_ kinds: [DigitalGovernmentReport.KindSummary]) -> ReportBlock {
        .list(title: nil, items: kinds.map { s in
            let parts: [ReportText] = Condition.allCases.compactMap { c in
                guard let count = s.conditions[c], count > 0 else { return nil }
                return "\(.count(count)) \(condition(c))"
            }
            return "\(kind(s.kind).plural): \(.count(s.total))" + (parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")")
        })
    }

    public func computersReachable(_ ratio: Ratio, reachable: Int, networked: Int) -> ReportText {
        "\(.percent(ratio)) of computers are reachable on the LAN (\(.integer(reachable)) of \(.integer(networked)) answered the latest probe)."
    }

    public func availability(_ kinds: [(kind: DeviceKind, ratio: Ratio)]) -> ReportText {
        let parts: [ReportText] = kinds.map { "\(kind($0.kind).inSentence) \(.percent($0.ratio))\(kind($0.kind).availabilityScope)" }
        return "Availability over the period: " + parts.joined(separator: "; ") + "."
    }

    public var noAvailability: ReportText { "Not enough measurements yet to compute availability for the period." }

    public func internet(_ ratio: Ratio, targets: [String]) -> ReportText {
        "The internet link was up \(.percent(ratio)) of the time (measured to \(targets.joined(separator: ", ")))."
    }

    public var notProbed: ReportText { "Note: no device has been probed yet." }

    public func partialCoverage(_ ratio: Ratio) -> ReportText {
        "Note: measurements cover \(.percent(ratio)) of the period (kiemke was not running for the rest); percentages are over covered time only."
    }

    public var equipmentTitle: ReportText { "Broken and degraded equipment:" }

    public func equipment(_ item: DigitalGovernmentReport.EquipmentIssue, sinceDay: String) -> ReportText {
        let location = item.location.isEmpty ? "" : ", \(item.location)"
        let note = item.note.isEmpty ? "" : "; \(item.note)"
        return "\(item.name) (\(kind(item.kind).singular)\(location)): \(condition(item.condition)) since \(sinceDay)\(note)."
    }

    public var attentionTitle: ReportText { "Needs attention:" }

    public func attentionItem(_ item: AttentionItem) -> ReportText { "\(item.name): \(attention(item.attention))." }

    public var readinessTitle: ReportText { "IT use:" }

    public func readiness(_ facts: ReadinessFacts) -> [ReportText] {
        var lines: [ReportText] = []
        if let staff = facts.staff {
            lines.append("Staff: \(.integer(staff)).")
            if let mail = facts.staffWithOfficialEmail, staff > 0 {
                lines.append("Staff with an official e-mail account: \(.percent(Ratio(count: mail, of: staff))) (\(.integer(mail)) of \(.integer(staff))).")
            }
        } else if let mail = facts.staffWithOfficialEmail {
            lines.append("Staff with an official e-mail account: \(.integer(mail)).")
        }
        if let signatures = facts.digitalSignatures {
            lines.append("Digital signatures in use: \(.integer(signatures)).")
        }
        if !facts.software.isEmpty {
            lines.append("Software in use: \(facts.software.joined(separator: ", ")).")
        }
        if let room = facts.onlineMeetingRoom {
            lines.append(room ? "An online meeting room is in place." : "No online meeting room yet.")
        }
        return lines
    }

    public var tableColumns: [String] { ["Kind", "Total", "Good", "Fair", "Degraded", "Broken", "Reachable", "Availability"] }
}
