import Inventory
import KiemkeCore

/// The page's language: Vietnamese unless the reader switched to English (`?lang=en`, kept in a cookie).
public enum WebLanguage: String, Sendable, CaseIterable {
    case vi, en

    /// The label table for this language.
    var words: [String: String] { self == .vi ? WebPhrases.vietnamese : WebPhrases.english }

    /// The report's phrase table (attention items, kinds) in this language.
    var report: ReportLanguage { self == .vi ? .vi : .en }

    func kind(_ kind: DeviceKind) -> String { self == .vi ? kind.vietnamese : kind.english }

    func condition(_ condition: Condition) -> String { self == .vi ? condition.vietnamese : condition.english }

    func state(_ state: ProbeState?) -> String {
        words["state." + (state?.rawValue ?? "none")] ?? ""
    }

    func attention(_ attention: Attention) -> String { report.phrases.attention(attention) }
}
