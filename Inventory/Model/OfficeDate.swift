import Foundation

/// A moment as office staff type and read it: "2023-03-15" or "2023-03-15T09:30", in the
/// office's time zone (config `[hours] timezone`), to the minute.
///
/// What `mark --at`, `devices add --since` and the import's `since` and `condition_since`
/// columns accept, and how history and the CSV export write dates back.
public enum OfficeDate {
    /// Why a typed date was refused; `description` names the value.
    public enum Failure: Error, CustomStringConvertible, Equatable {
        /// Not of the form YYYY-MM-DD or YYYY-MM-DDTHH:MM.
        case malformed(String)
        /// Well formed, but no such day or time (2026-02-30, 24:10).
        case noSuchDate(String)
        /// Later than now: kiemke records what has happened, never what is expected to.
        case inFuture(String)

        public var description: String {
            switch self {
            case .malformed(let text):
                "\"\(text)\" is not a date; write YYYY-MM-DD or YYYY-MM-DDTHH:MM, e.g. 2023-03-15 or 2023-03-15T09:30"
            case .noSuchDate(let text):
                "\"\(text)\" is not a day of the calendar (check the day of the month and the time)"
            case .inFuture(let text):
                "\"\(text)\" is in the future; kiemke records what has already happened"
            }
        }
    }

    /// Parses `text` as a local date or date and time in `timeZone` that is not later than `now`.
    ///
    /// A day alone means its first minute (00:00), so "since 2022-01-01" covers the whole day.
    public static func parse(_ text: String, timeZone: TimeZone, notAfter now: Date) throws(Failure) -> Date {
        let date = try parse(text, timeZone: timeZone)
        if date > now { throw .inFuture(text) }
        return date
    }

    /// Parses `text` as a local date or date and time in `timeZone`.
    public static func parse(_ text: String, timeZone: TimeZone) throws(Failure) -> Date {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // "T" is the contract; a space is what a spreadsheet writes when it reformats the cell.
        let parts = trimmed.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "T" || $0 == " " })
        guard (1...2).contains(parts.count) else { throw .malformed(text) }
        let day = parts[0].split(separator: "-", omittingEmptySubsequences: false)
        guard day.count == 3, day[0].count == 4, day[1].count == 2, day[2].count == 2,
              let year = number(day[0]), let month = number(day[1]), let dayOfMonth = number(day[2]) else {
            throw .malformed(text)
        }
        var hour = 0, minute = 0
        if parts.count == 2 {
            let time = parts[1].split(separator: ":", omittingEmptySubsequences: false)
            guard time.count == 2, time[0].count == 2, time[1].count == 2,
                  let h = number(time[0]), let m = number(time[1]) else { throw .malformed(text) }
            hour = h
            minute = m
        }
        let calendar = calendar(timeZone)
        let wanted = DateComponents(year: year, month: month, day: dayOfMonth, hour: hour, minute: minute)
        // Calendar rolls 30 February over to March; reading the components back catches it.
        guard (1...12).contains(month), (1...31).contains(dayOfMonth), (0...23).contains(hour), (0...59).contains(minute),
              let date = calendar.date(from: wanted) else {
            throw .noSuchDate(text)
        }
        let back = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        guard back.year == year, back.month == month, back.day == dayOfMonth, back.hour == hour, back.minute == minute else {
            throw .noSuchDate(text)
        }
        return date
    }

    /// Writes moments as staff read them, in one time zone; made once per listing (a format
    /// style is costly to build, cheap to reuse).
    public struct Format: Sendable {
        private let style: Date.VerbatimFormatStyle

        /// "2023-03-15 09:30" (`contract` false: history, status, messages) or "2023-03-15T09:30"
        /// (`contract` true: the CSV export, which the import reads back).
        public init(timeZone: TimeZone, contract: Bool = false) {
            let calendar = OfficeDate.calendar(timeZone)
            style = contract
                ? Date.VerbatimFormatStyle(
                    format: "\(year: .defaultDigits)-\(month: .twoDigits)-\(day: .twoDigits)T\(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits)",
                    timeZone: timeZone, calendar: calendar)
                : Date.VerbatimFormatStyle(
                    format: "\(year: .defaultDigits)-\(month: .twoDigits)-\(day: .twoDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits)",
                    timeZone: timeZone, calendar: calendar)
        }

        /// The moment, to the minute.
        public func string(_ date: Date) -> String {
            date.formatted(style)
        }
    }

    static func calendar(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    private static func number(_ text: Substring) -> Int? {
        guard text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }
}
