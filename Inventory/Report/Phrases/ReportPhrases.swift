import Foundation
import KiemkeCore

/// The words of one report language: every sentence the report can say, with its figures left as figures.
///
/// Each language is one type; kinds, conditions and attention items are worded through exhaustive
/// switches, so a new case without a phrase does not compile (and `ReportPhrasesTests` checks none is empty).
/// Days are passed as `DayKey`s and times as "HH:MM"; each language writes them its own way.
public protocol ReportPhrases: Sendable {
    var language: ReportLanguage { get }

    // The text to paste: the seed's paragraphs, no product name, no address, no device code.

    /// "6. ..."
    var title: ReportText { get }
    /// The equipment paragraph: staff with computers, computers and their connection, security
    /// software, the other kinds by condition, the online meeting room; nil when it has nothing to say.
    func infrastructure(_ report: DigitalGovernmentReport) -> ReportText?
    /// Availability per kind and of the internet link, with hours; nil when nothing was measured.
    func availability(_ kinds: [(kind: DeviceKind, ratio: Ratio)], internet: Ratio?) -> ReportText?
    /// The software, documents, digital signatures and e-mail paragraph; nil when no such fact is given.
    func application(_ facts: ReadinessFacts) -> ReportText?
    /// The quality-management sentence for an ISO 9001 version ("2015").
    func quality(iso9001: String) -> ReportText
    /// Said in place of the paragraphs when no equipment is counted at the end of the period.
    func noEquipment(at day: DayKey) -> ReportText

    // The notes, after the separator: for the person making the report.

    /// The separator's title.
    var notesTitle: ReportText { get }
    /// The period, and the moment the counts are taken at.
    func periodNote(from: DayKey, to: DayKey, running: Bool, endTime: String) -> ReportText
    /// When kiemke measured in the period, and the share of its working time.
    func coverageNote(from: DayKey, to: DayKey?, ratio: Ratio, officeHours: Bool) -> ReportText
    /// The period has no measurements: no connection or availability figure is stated.
    var noMeasurements: ReportText { get }
    /// The store holds no equipment at all.
    var emptyInventory: ReportText { get }
    /// The period ends before the first device entered the inventory (`firstDay`).
    func beforeInventory(firstDay: DayKey) -> ReportText
    /// Networked devices of a kind with no measurement in the period.
    func unmeasured(_ kind: DeviceKind, count: Int, of networked: Int) -> ReportText
    /// Devices that were measured but never answered in the period.
    func neverAnswered(_ devices: [String]) -> ReportText
    /// Counted devices with no condition marked by the end of the period.
    func unmarked(_ kind: DeviceKind, count: Int) -> ReportText
    /// A readiness fact that does not agree with the inventory.
    func readinessProblem(_ problem: DigitalGovernmentReport.ReadinessProblem) -> ReportText
    var equipmentTitle: ReportText { get }
    /// One broken or degraded device.
    func equipment(_ issue: DigitalGovernmentReport.EquipmentIssue, since: DayKey) -> ReportText
    var attentionTitle: ReportText { get }
    /// Everything to look at on one device, as one list item.
    func attentionGroup(device: String, attentions: [Attention]) -> ReportText
    /// What to look at, in words.
    func attention(_ attention: Attention) -> String
    /// A device named for a reader: kind and location, the code in parentheses.
    func deviceLabel(kind: DeviceKind, location: String, name: String) -> String
    /// The columns of the table of figures.
    var tableColumns: [String] { get }
    /// A kind's name as a table row or a heading ("Máy tính", "Computers").
    func kindName(_ kind: DeviceKind) -> String
    /// A condition's name in this language.
    func condition(_ condition: Condition) -> String
}

extension ReportLanguage {
    /// This language's phrase table.
    public var phrases: any ReportPhrases {
        switch self {
        case .vi: VietnamesePhrases()
        case .en: EnglishPhrases()
        }
    }
}
