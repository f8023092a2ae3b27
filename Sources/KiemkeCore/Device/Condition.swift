/// How a device works, as a person judged it: the four grades the seed report uses.
public enum Condition: String, CaseIterable, Sendable, Codable, Comparable {
    case good, fair, degraded, broken

    /// The words the seed report uses ("hoạt động tốt", ...).
    public var vietnamese: String {
        switch self {
        case .good: "hoạt động tốt"
        case .fair: "hoạt động trung bình"
        case .degraded: "đã xuống cấp"
        case .broken: "đã bị hỏng"
        }
    }

    /// The English label used by `--lang en`.
    public var english: String {
        switch self {
        case .good: "good"
        case .fair: "fair"
        case .degraded: "degraded"
        case .broken: "broken"
        }
    }

    /// Parses an English name or a Vietnamese word or phrase, ignoring case, diacritic form and spaces.
    ///
    /// Staff type what they say: "tốt", "hoạt động tốt", "hỏng", "đã bị hỏng", "xuống cấp", "trung bình".
    public init?(parsing text: String) {
        let key = NameKey.fold(text)
        if let exact = Condition(rawValue: key) {
            self = exact
            return
        }
        let words: [(String, Condition)] = [
            ("hoạt động tốt", .good), ("tốt", .good),
            ("hoạt động trung bình", .fair), ("trung bình", .fair), ("khá", .fair),
            ("đã xuống cấp", .degraded), ("xuống cấp", .degraded),
            ("đã bị hỏng", .broken), ("bị hỏng", .broken), ("hỏng", .broken),
        ]
        guard let match = words.first(where: { NameKey.fold($0.0) == key }) else { return nil }
        self = match.1
    }

    public static func < (lhs: Condition, rhs: Condition) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
