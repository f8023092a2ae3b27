import Foundation

/// The span a report covers: whole local days, first and last included.
public struct ReportPeriod: Sendable, Equatable {
    /// First day, "YYYY-MM-DD".
    public var from: String
    /// Last day, "YYYY-MM-DD".
    public var to: String

    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }

    /// Why a period could not be understood.
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case unknown(String)
        case badDate(String)
        case reversed(from: String, to: String)

        public var description: String {
            switch self {
            case .unknown(let text):
                "--period \"\(text)\" is not a period; write 2023-H1, 2023-H2, 2023, 2023-Q1 ... 2023-Q4, or use --from and --to"
            case .badDate(let text):
                "\"\(text)\" is not a date; write it as YYYY-MM-DD"
            case .reversed(let from, let to):
                "the period starts (\(from)) after it ends (\(to))"
            }
        }
    }

    /// Parses "2023-H1", "2023-H2", "2023", "2023-Q1" ... "2023-Q4".
    public init(parsing text: String) throws(Failure) {
        let parts = text.uppercased().split(separator: "-")
        guard let first = parts.first, first.count == 4, let year = Int(first) else { throw .unknown(text) }
        let y = String(format: "%04d", year)
        switch parts.count == 2 ? String(parts[1]) : "" {
        case "" where parts.count == 1: self.init(from: "\(y)-01-01", to: "\(y)-12-31")
        case "H1": self.init(from: "\(y)-01-01", to: "\(y)-06-30")
        case "H2": self.init(from: "\(y)-07-01", to: "\(y)-12-31")
        case "Q1": self.init(from: "\(y)-01-01", to: "\(y)-03-31")
        case "Q2": self.init(from: "\(y)-04-01", to: "\(y)-06-30")
        case "Q3": self.init(from: "\(y)-07-01", to: "\(y)-09-30")
        case "Q4": self.init(from: "\(y)-10-01", to: "\(y)-12-31")
        default: throw .unknown(text)
        }
    }

    /// A period from two "YYYY-MM-DD" dates, checked.
    public init(fromDay: String, toDay: String) throws(Failure) {
        for day in [fromDay, toDay] where DayKey.components(day) == nil { throw .badDate(day) }
        guard fromDay <= toDay else { throw .reversed(from: fromDay, to: toDay) }
        self.init(from: fromDay, to: toDay)
    }

    /// The half-year that contains `now`, from its first day to today.
    public static func currentHalf(now: Date, calendar: Calendar) -> ReportPeriod {
        let c = calendar.dateComponents([.year, .month], from: now)
        let from = String(format: "%04d-%02d-01", c.year!, c.month! <= 6 ? 1 : 7)
        return ReportPeriod(from: from, to: DayKey.string(for: now, calendar: calendar))
    }

    /// The exact instants the period spans in `calendar`'s time zone: [first midnight, midnight after the last day).
    public func interval(in calendar: Calendar) -> DateInterval {
        let start = calendar.date(from: DayKey.components(from)!)!
        let lastDay = calendar.date(from: DayKey.components(to)!)!
        return DateInterval(start: start, end: calendar.date(byAdding: .day, value: 1, to: lastDay)!)
    }
}
