import Foundation
import Inventory
import PropertyBased
import Testing

/// `WorkingDays` stands in for `OfficeHours.scheduledSeconds(in:)` in the report: its answers must
/// be the same doubles, bit for bit, or the golden reports would change.
@Suite("Working days: the same seconds as the office hours")
struct WorkingDaysTests {
    /// Schedules with holidays, Saturday work, a night shift past midnight's hours, a zone with
    /// summer time, and one whose clocks skip midnight (the fallback path).
    static let schedules: [OfficeHours] = [
        OfficeHours(holidays: ["2026-09-02", "2026-09-01", "2026-12-25", "2027-01-01"]),
        OfficeHours(days: [1, 2, 3, 4, 5, 6], start: 7 * 60, end: 11 * 60 + 30),
        OfficeHours(timezone: "Europe/Berlin", days: [2, 4], start: 0, end: 24 * 60, holidays: ["2026-10-27"]),
        OfficeHours(timezone: "America/Santiago", start: 0, end: 8 * 60 + 15),
        OfficeHours(days: [], start: 60, end: 120),
    ]
    /// 2026-06-15 00:00 UTC: a span from there reaches across both summer-time changes.
    static let origin = 1_781_481_600.0

    @Test("every hour of a half-year, as the coverage walks it", arguments: schedules)
    func everyHour(hours: OfficeHours) {
        let span = DateInterval(start: Date(timeIntervalSince1970: Self.origin + 1234.5), duration: 200 * 86_400)
        let working = WorkingDays(hours: hours, covering: span)
        #expect(working.scheduledSeconds(in: span).bitPattern == hours.scheduledSeconds(in: span).bitPattern)
        var hour = Int((span.start.timeIntervalSince1970 / 3600).rounded(.down))
        var mismatches = 0
        while Double(hour) * 3600 < span.end.timeIntervalSince1970 {
            let bucket = DateInterval(start: Date(timeIntervalSince1970: Double(hour) * 3600), duration: 3600)
            if let part = bucket.intersection(with: span),
               working.scheduledSeconds(in: part).bitPattern != hours.scheduledSeconds(in: part).bitPattern {
                mismatches += 1
            }
            hour += 1
        }
        #expect(mismatches == 0)
    }

    @Test("any interval, inside the span or reaching out of it")
    func anyInterval() async {
        let seconds = 240 * 86_400
        await propertyCheck(count: 400, input: Gen.int(in: 0...(Self.schedules.count - 1)), Gen.int(in: 0...seconds),
                            Gen.int(in: 0...(seconds / 4)), Gen.int(in: -seconds / 8...seconds)) { which, spanStart, offset, length in
            let hours = Self.schedules[which]
            let span = DateInterval(start: Date(timeIntervalSince1970: Self.origin + Double(spanStart) / 3), duration: Double(seconds) / 2)
            let working = WorkingDays(hours: hours, covering: span)
            let start = span.start.addingTimeInterval(Double(offset) - Double(seconds) / 16)
            let interval = DateInterval(start: start, duration: Double(max(0, length)) / 2)
            #expect(working.scheduledSeconds(in: interval).bitPattern == hours.scheduledSeconds(in: interval).bitPattern,
                    "\(hours.timezone) \(interval)")
        }
    }
}
