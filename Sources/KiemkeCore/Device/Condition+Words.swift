extension Condition {
    /// The words people type for each condition, in Vietnamese with and without diacritics and in
    /// English; matched by `NameKey.loose`, so case, diacritics and spacing do not matter.
    public static let words: [(String, Condition)] = [
        ("good", .good), ("ok", .good), ("tốt", .good), ("hoạt động tốt", .good), ("còn tốt", .good),
        ("bình thường", .good), ("hoạt động bình thường", .good), ("tốt bình thường", .good),
        ("fair", .fair), ("trung bình", .fair), ("hoạt động trung bình", .fair), ("khá", .fair),
        ("tạm được", .fair), ("tạm", .fair),
        ("degraded", .degraded), ("xuống cấp", .degraded), ("đã xuống cấp", .degraded), ("cũ", .degraded),
        ("kém", .degraded), ("yếu", .degraded), ("chập chờn", .degraded),
        ("broken", .broken), ("hỏng", .broken), ("bị hỏng", .broken), ("đã bị hỏng", .broken), ("đã hỏng", .broken),
        ("hư", .broken), ("bị hư", .broken), ("hư hỏng", .broken), ("bị hư hỏng", .broken), ("hỏng hẳn", .broken),
        ("hư hẳn", .broken), ("không hoạt động", .broken), ("không dùng được", .broken), ("chết", .broken),
    ]

    /// Parses an English name or a Vietnamese word or phrase, ignoring case, diacritics and spacing.
    ///
    /// Staff type what they say, often with the Vietnamese keyboard off: "tốt", "tot", "hư",
    /// "hong", "hỏng hẳn", "xuong cap", "bình thường". Unaccented words that could mean two
    /// conditions do not exist in the table, so reading them loosely is safe.
    public init?(parsing text: String) {
        let key = NameKey.loose(text)
        guard !key.isEmpty, let match = Self.words.first(where: { NameKey.loose($0.0) == key }) else { return nil }
        self = match.1
    }

    /// The one message for a word that names no condition: the nearest words, then the four grades.
    public static func notACondition(_ text: String) -> String {
        let near = NameKey.suggestions(for: text, among: words.map(\.0), limit: 3)
        let hint = near.isEmpty ? ";" : "; did you mean \(near.map { "\"\($0)\"" }.joined(separator: ", "))?"
        return "\"\(text)\" is not a condition\(hint) use good, fair, degraded or broken (or tốt, trung bình, xuống cấp, hỏng)"
    }
}
