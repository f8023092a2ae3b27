import Foundation
import KiemkeCore

/// The words of one report language: every sentence the report can say, with its figures left as figures.
///
/// Each language is one type; kinds, conditions and attention items are worded through exhaustive
/// switches, so a new case without a phrase does not compile (and `ReportPhrasesTests` checks none is empty).
public protocol ReportPhrases: Sendable {
    var language: ReportLanguage { get }
    /// "6. ..."
    var title: ReportText { get }
    /// Whom the figures are about and over which days ("YYYY-MM-DD").
    func intro(office: String, fromDay: String, toDay: String) -> ReportText
    /// The counts by kind and condition.
    func infrastructure(_ kinds: [DigitalGovernmentReport.KindSummary]) -> ReportBlock
    /// The share of networked computers that answered.
    func computersReachable(_ ratio: Ratio, reachable: Int, networked: Int) -> ReportText
    /// Availability per kind over the period.
    func availability(_ kinds: [(kind: DeviceKind, ratio: Ratio)]) -> ReportText
    /// Said when no kind has an availability yet.
    var noAvailability: ReportText { get }
    func internet(_ ratio: Ratio, targets: [String]) -> ReportText
    /// Said when no device has been probed yet.
    var notProbed: ReportText { get }
    /// Said when the daemon observed only part of the period.
    func partialCoverage(_ ratio: Ratio) -> ReportText
    var equipmentTitle: ReportText { get }
    /// One broken or degraded device; `sinceDay` is "YYYY-MM-DD".
    func equipment(_ issue: DigitalGovernmentReport.EquipmentIssue, sinceDay: String) -> ReportText
    var attentionTitle: ReportText { get }
    /// One attention item, as a list item.
    func attentionItem(_ item: AttentionItem) -> ReportText
    /// What to look at, in words.
    func attention(_ attention: Attention) -> String
    var readinessTitle: ReportText { get }
    /// The office's readiness facts, one list item each, only those given.
    func readiness(_ facts: ReadinessFacts) -> [ReportText]
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
