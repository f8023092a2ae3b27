extension DeviceKind {
    /// The words people type for each kind, English and Vietnamese; matched by `NameKey.loose`,
    /// so "may tinh", "MÁY IN" and "photo" are read too.
    public static let words: [(String, DeviceKind)] = [
        ("computer", .computer), ("máy tính", .computer), ("pc", .computer), ("laptop", .computer),
        ("máy tính xách tay", .computer), ("máy tính để bàn", .computer), ("máy bàn", .computer), ("desktop", .computer),
        ("scanner", .scanner), ("máy scan", .scanner), ("scan", .scanner), ("máy quét", .scanner),
        ("copier", .copier), ("máy photo", .copier), ("máy photocopy", .copier), ("máy photocoppy", .copier),
        ("photocopy", .copier), ("photo", .copier), ("máy phô tô", .copier),
        ("printer", .printer), ("máy in", .printer), ("máy in màu", .printer), ("máy in laser", .printer),
        ("camera", .camera), ("camera an ninh", .camera), ("cam", .camera),
        ("network", .network), ("thiết bị mạng", .network), ("switch", .network), ("router", .network),
        ("bộ định tuyến", .network), ("wifi", .network),
        ("other", .other), ("khác", .other), ("thiết bị khác", .other),
    ]

    /// Parses an English kind name or the Vietnamese word staff use, ignoring case and diacritics.
    public init?(parsing text: String) {
        let key = NameKey.loose(text)
        guard !key.isEmpty, let match = Self.words.first(where: { NameKey.loose($0.0) == key }) else { return nil }
        self = match.1
    }

    /// The one message for a word that names no kind: the nearest words, then the kinds there are.
    public static func notAKind(_ text: String) -> String {
        let near = NameKey.suggestions(for: text, among: words.map(\.0), limit: 3)
        let hint = near.isEmpty ? ";" : "; did you mean \(near.map { "\"\($0)\"" }.joined(separator: ", "))?"
        return "\"\(text)\" is not a kind\(hint) use one of \(allCases.map(\.rawValue).joined(separator: ", "))"
    }
}
