import Foundation

/// One local day, "YYYY-MM-DD", as day buckets, holidays and report periods use it: a checked value.
///
/// The only ways to get one are parsing text that names a real day of the Gregorian calendar
/// (no 30 February, no month 13) and taking the day of an instant, so code holding a `DayKey`
/// never needs to force-unwrap a date built from it.
public struct DayKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The day `text` names, written exactly "YYYY-MM-DD"; nil when it is not a real day.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              y >= 1, (1...12).contains(m), (1...Self.daysIn(month: m, year: y)).contains(d) else { return nil }
        year = y
        month = m
        day = d
    }

    /// The local day `date` falls on in `calendar`'s time zone.
    public init(_ date: Date, calendar: Calendar) {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        year = c.year ?? 1970
        month = c.month ?? 1
        day = c.day ?? 1
    }

    /// "2026-09-02".
    public var text: String {
        guard (0...9999).contains(year), (1...12).contains(month), (1...31).contains(day) else {
            return String(format: "%04d-%02d-%02d", year, month, day)
        }
        // Written digit by digit: String(format:) goes through CFString, and reports ask for a
        // day's key thousands of times (a tenth of the province report's time, profiled).
        return String(unsafeUninitializedCapacity: 10) { buffer in
            func put(_ value: Int, width: Int, at index: Int) {
                var value = value
                for position in (index..<index + width).reversed() {
                    buffer[position] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            put(year, width: 4, at: 0)
            buffer[4] = UInt8(ascii: "-")
            put(month, width: 2, at: 5)
            buffer[7] = UInt8(ascii: "-")
            put(day, width: 2, at: 8)
            return 10
        }
    }
    public var description: String { text }

    public static func < (lhs: DayKey, rhs: DayKey) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The day's first instant (local midnight) in `calendar`'s time zone.
    public func start(in calendar: Calendar) -> Date {
        if let date = calendar.date(from: DateComponents(year: year, month: month, day: day)) { return date }
        // Unreachable for a checked Gregorian day; computed by hand rather than trapping.
        let utc = Date(timeIntervalSince1970: Double(Self.daysFromEpoch(year, month, day)) * 86_400)
        return utc.addingTimeInterval(-Double(calendar.timeZone.secondsFromGMT(for: utc)))
    }

    /// The next day's first instant: the end of this day.
    public func end(in calendar: Calendar) -> Date {
        let start = start(in: calendar)
        return calendar.date(byAdding: .day, value: 1, to: start) ?? start.addingTimeInterval(86_400)
    }

    /// The days of `month` in `year` (Gregorian leap years).
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to the civil date (H. Hinnant's algorithm).
    private static func daysFromEpoch(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Checks a key written exactly as `string(for:calendar:)` writes it ("2026-09-02"): its parts, or nil
    /// when it is not a real day.
    public static func components(_ day: String) -> DateComponents? {
        DayKey(day).map { DateComponents(year: $0.year, month: $0.month, day: $0.day) }
    }

    /// The "YYYY-MM-DD" key of the local day `date` falls on.
    public static func string(for date: Date, calendar: Calendar) -> String {
        DayKey(date, calendar: calendar).text
    }
}
