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

    public static func < (lhs: Condition, rhs: Condition) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
