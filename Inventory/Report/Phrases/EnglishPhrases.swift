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
        case .lowSupply(let name, let level, _, _): "\(name) low (\(level)%)"
        case .diskFull(let name, let used): "disk \(name) nearly full (\(Int(used))%)"
        case .newDevice: "new device, not in the list"
        case .addressChanged(let from, let to, let evidence): "address changed from \(from) to \(to) (\(evidence)); no outage counted"
        case .macConflict(let mac, let places): "MAC \(mac) claimed by more than one: \(places.joined(separator: ", ")); nothing was moved"
        case .serialConflict(let serial, let places): "serial \(serial) seen at more than one place: \(places.joined(separator: ", ")); nothing was moved"
        }
    }

    public var title: ReportText { "6. E-government and digital government" }

    // MARK: The text to paste

    public func infrastructure(_ report: DigitalGovernmentReport) -> ReportText? {
        var sentences: [ReportText] = []
        let kinds = report.kinds.filter { $0.total > 0 }
        let facts = report.readiness
        if let computers = kinds.first(where: { $0.kind == .computer }) {
            if let staff = facts.staff, staff > 0 {
                let equipped = min(staff, computers.staffUse)
                sentences.append("Staff with a computer: \(.percent(Ratio(count: equipped, of: staff))) (\(.integer(equipped)) of \(.integer(staff)))")
            }
            var clause: ReportText = "Computers: \(.count(computers.staffUse))" + brackets(computers)
            if let ratio = computers.reachableRatio {
                let scope = computers.networked < computers.total ? " with a network address" : ""
                let internet = report.internet.map { $0.time.up > 0 } == true ? " and the internet" : ""
                clause += ", \(.percent(ratio)) connected to the LAN\(internet) (\(.integer(computers.reachable)) of \(.integer(computers.networked))\(scope) answered during the period)"
            }
            if computers.publicService > 0 {
                clause += "; besides, \(.count(computers.publicService)) set aside for citizens using online public services"
            }
            sentences.append(clause)
            if let secured = facts.computersWithSecuritySoftware, secured <= computers.total {
                sentences.append("\(.percent(Ratio(count: secured, of: computers.total))) of computers (\(.integer(secured)) of \(.integer(computers.total))) have security software")
            }
        }
        for s in kinds where s.kind != .computer {
            sentences.append("\(kind(s.kind).plural): \(.count(s.total))" + brackets(s))
        }
        if let room = facts.onlineMeetingRoom {
            sentences.append(room ? "An online meeting room is in place" : "No online meeting room yet")
        }
        if let asked = facts.onlineMeetingsRequested, asked > 0, let held = facts.onlineMeetingsHeld {
            sentences.append("\(.percent(Ratio(count: held, of: asked))) of the online meetings requested by higher authorities were held (\(.integer(held)) of \(.integer(asked)))")
        }
        guard !sentences.isEmpty else { return nil }
        return sentences.joined(separator: ". ") + "."
    }

    private func brackets(_ s: DigitalGovernmentReport.KindSummary) -> ReportText {
        let parts: [ReportText] = Condition.allCases.compactMap { c in
            guard let count = s.conditions[c], count > 0 else { return nil }
            return "\(.count(count)) \(condition(c))"
        }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
    }

    public func availability(_ kinds: [(kind: DeviceKind, ratio: Ratio)], internet: Ratio?) -> ReportText? {
        var parts: [ReportText] = kinds.map {
            "\(kind($0.kind).inSentence) \(.percent($0.ratio)) (\(.hours($0.ratio))\($0.kind == .computer ? ", office hours" : ""))"
        }
        if let internet { parts.append("the internet link \(.percent(internet)) (\(.hours(internet)))") }
        guard !parts.isEmpty else { return nil }
        return "Availability over the period: " + parts.joined(separator: "; ") + "."
    }

    public func application(_ facts: ReadinessFacts) -> ReportText? {
        var sentences: [ReportText] = []
        if !facts.software.isEmpty { sentences.append("Software in use: \(facts.software.joined(separator: "; "))") }
        if let total = facts.documentsTotal, total > 0, let inSoftware = facts.documentsInSoftware {
            sentences.append("Documents exchanged through the software: \(.percent(Ratio(count: inSoftware, of: total))) (\(.integer(inSoftware)) of \(.integer(total)))")
        }
        if let signatures = facts.digitalSignatures {
            sentences.append(signatures > 0 ? "Digital signatures in use: \(.integer(signatures))" : "No digital signatures in use yet")
        }
        if let mail = facts.staffWithOfficialEmail {
            if let staff = facts.staff, staff > 0 {
                sentences.append("Staff with an official e-mail account: \(.percent(Ratio(count: mail, of: staff))) (\(.integer(mail)) of \(.integer(staff)))")
            } else {
                sentences.append("Staff with an official e-mail account: \(.integer(mail))")
            }
        }
        guard !sentences.isEmpty else { return nil }
        return sentences.joined(separator: ". ") + "."
    }

    public func quality(iso9001: String) -> ReportText {
        "Quality management to \(iso9001.contains("9001") ? iso9001 : "ISO 9001:\(iso9001)") is applied."
    }

    public func noEquipment(at day: DayKey) -> ReportText { "No equipment in the inventory on \(day.text)." }

    // MARK: The notes

    public var notesTitle: ReportText { "Notes for the person making the report (not part of the text to paste)" }

    public func periodNote(from: DayKey, to: DayKey, running: Bool, endTime: String) -> ReportText {
        running
            ? "Period \(from.text) to now (\(to.text) \(endTime)): still running; counts and conditions as of now."
            : "Period \(from.text) to \(to.text): counts and conditions as of its end."
    }

    public func coverageNote(from: DayKey, to: DayKey?, ratio: Ratio, officeHours: Bool) -> ReportText {
        let until = to.map { " until \($0.text)" } ?? ""
        return "kiemke measured from \(from.text)\(until); measurements cover \(.percent(ratio)) of the period's \(officeHours ? "working time" : "time") (\(.hours(ratio))); shares are over measured time only."
    }

    public var noMeasurements: ReportText {
        "The period has no measurements (kiemke watched no device in it): no LAN connection or availability figure is stated."
    }

    public var emptyInventory: ReportText {
        "The inventory is empty: load the device list with kiemke devices import devices.csv (see config/devices.example.csv)."
    }

    public func beforeInventory(firstDay: DayKey) -> ReportText {
        "The period ends before any device was in the inventory (the first since \(firstDay.text))."
    }

    public func unmeasured(_ kind: DeviceKind, count: Int, of networked: Int) -> ReportText {
        "\(self.kind(kind).plural): \(.integer(count)) of \(.integer(networked)) with a network address have no measurement in the period and count as not connected."
    }

    public func neverAnswered(_ devices: [String]) -> ReportText { "Never answered during the period: \(devices.joined(separator: "; "))." }

    public func unmarked(_ kind: DeviceKind, count: Int) -> ReportText {
        "\(self.kind(kind).plural): \(.integer(count)) with no condition marked by the end of the period (kiemke mark)."
    }

    public func readinessProblem(_ problem: DigitalGovernmentReport.ReadinessProblem) -> ReportText {
        switch problem {
        case .unknownPublicComputer(let name):
            "readiness.public_service_computers names \"\(name)\", which is no computer in the inventory at the end of the period."
        case .securityExceedsComputers(let count, let computers):
            "readiness.computers_with_security_software says \(.integer(count)), more than the \(.integer(computers)) computers in the inventory: the security sentence is left out."
        }
    }

    public var equipmentTitle: ReportText { "Broken and degraded equipment:" }

    public func equipment(_ item: DigitalGovernmentReport.EquipmentIssue, since: DayKey) -> ReportText {
        let note = item.note.isEmpty ? "" : "; \(item.note)"
        return "\(deviceLabel(kind: item.kind, location: item.location, name: item.name)): \(condition(item.condition)) since \(since.text)\(note)."
    }

    public var attentionTitle: ReportText { "Needs attention:" }

    public func attentionGroup(device: String, attentions: [Attention]) -> ReportText {
        "\(device): \(attentions.map(attention).joined(separator: "; "))."
    }

    public func deviceLabel(kind: DeviceKind, location: String, name: String) -> String {
        self.kind(kind).singular.prefix(1).uppercased() + self.kind(kind).singular.dropFirst()
            + (location.isEmpty ? "" : " in \(location)") + " (\(name))"
    }

    public var tableColumns: [String] { ["Kind", "Total", "Good", "Fair", "Degraded", "Broken", "Connected", "Availability"] }
}
