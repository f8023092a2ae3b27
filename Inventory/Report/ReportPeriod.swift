import Foundation

/// The span a report covers: whole local days, first and last included; a checked value.
///
/// Built only from checked days (`DayKey`) in order, by parsing "2023-H1" and the like, or as the
/// current half-year: no initializer takes unchecked text.
public struct ReportPeriod: Sendable, Equatable {
    public let first: DayKey
    public let last: DayKey

    /// First day, "YYYY-MM-DD".
    public var from: String { first.text }
    /// Last day, "YYYY-MM-DD".
    public var to: String { last.text }

    /// Why a period could not be understood or reported on.
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case unknown(String)
        case badDate(String)
        case reversed(from: String, to: String)
        /// The period's first day is after today: nothing of it has happened yet.
        case notStarted(from: String, today: String)

        public var description: String {
            switch self {
            case .unknown(let text):
                "--period \"\(text)\" is not a period; write 2023-H1, 2023-H2, 2023, 2023-Q1 ... 2023-Q4, or use --from and --to"
            case .badDate(let text):
                "\"\(text)\" is not a date; write a real day as YYYY-MM-DD (e.g. 2023-06-30)"
            case .reversed(let from, let to):
                "the period starts (\(from)) after it ends (\(to))"
            case .notStarted(let from, let today):
                "the period starts on \(from), after today (\(today)); a report can only cover time that has begun"
            }
        }
    }

    /// The days `first` to `last`, which must be in order.
    public init(first: DayKey, last: DayKey) throws(Failure) {
        guard first <= last else { throw .reversed(from: first.text, to: last.text) }
        self.first = first
        self.last = last
    }

    /// Parses "2023-H1", "2023-H2", "2023", "2023-Q1" ... "2023-Q4".
    public init(parsing text: String) throws(Failure) {
        let parts = text.uppercased().split(separator: "-", omittingEmptySubsequences: false)
        guard let head = parts.first, head.count == 4, head.allSatisfy({ $0.isASCII && $0.isNumber }),
              let year = Int(head), year >= 1, parts.count <= 2 else { throw .unknown(text) }
        let spans: [String: (Int, Int, Int, Int)] = [
            "": (1, 1, 12, 31), "H1": (1, 1, 6, 30), "H2": (7, 1, 12, 31),
            "Q1": (1, 1, 3, 31), "Q2": (4, 1, 6, 30), "Q3": (7, 1, 9, 30), "Q4": (10, 1, 12, 31),
        ]
        let key = parts.count == 2 ? String(parts[1]) : ""
        guard !(parts.count == 2 && key.isEmpty), let (m1, d1, m2, d2) = spans[key],
              let first = DayKey(String(format: "%04d-%02d-%02d", year, m1, d1)),
              let last = DayKey(String(format: "%04d-%02d-%02d", year, m2, d2)) else { throw .unknown(text) }
        try self.init(first: first, last: last)
    }

    /// A period from two "YYYY-MM-DD" dates, checked: real days, in order.
    public init(fromDay: String, toDay: String) throws(Failure) {
        guard let first = DayKey(fromDay) else { throw .badDate(fromDay) }
        guard let last = DayKey(toDay) else { throw .badDate(toDay) }
        try self.init(first: first, last: last)
    }

    /// The half-year that contains `now`, from its first day to today.
    public static func currentHalf(now: Date, calendar: Calendar) -> ReportPeriod {
        let today = DayKey(now, calendar: calendar)
        let first = DayKey(String(format: "%04d-%02d-01", today.year, today.month <= 6 ? 1 : 7)) ?? today
        return (try? ReportPeriod(first: first, last: today)) ?? ReportPeriod(uncheckedFirst: today, last: today)
    }

    private init(uncheckedFirst first: DayKey, last: DayKey) {
        self.first = first
        self.last = last
    }

    /// The exact instants the period spans in `calendar`'s time zone: [first midnight, midnight after the last day).
    public func interval(in calendar: Calendar) -> DateInterval {
        let start = first.start(in: calendar)
        return DateInterval(start: start, end: max(start, last.end(in: calendar)))
    }

    /// The instants a report made at `now` covers: the period, ending now while it runs.
    ///
    /// Throws `notStarted` when the period begins after `now`.
    public func span(now: Date, calendar: Calendar) throws(Failure) -> DateInterval {
        let whole = interval(in: calendar)
        guard whole.start <= now else { throw .notStarted(from: from, today: DayKey.string(for: now, calendar: calendar)) }
        return DateInterval(start: whole.start, end: min(whole.end, now))
    }

    /// Whether the period is still running at `now` (it ends after `now`).
    public func isRunning(at now: Date, calendar: Calendar) -> Bool {
        interval(in: calendar).end > now
    }
}
