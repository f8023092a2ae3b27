import Foundation
import KiemkeCore

/// The office's working schedule, and which devices are expected to be off outside it.
///
/// Computers are switched off at night, at weekends and on holidays; that is not an outage.
/// Time outside the schedule of a device that follows it counts in no availability.
public struct OfficeHours: Sendable, Equatable {
    public var timezone: String
    /// ISO weekdays, 1 = Monday ... 7 = Sunday.
    public var days: Set<Int>
    /// Minutes after local midnight.
    public var start: Int
    public var end: Int
    /// Closed days, "YYYY-MM-DD" in the office's time zone.
    public var holidays: Set<String>
    /// Kinds that follow the schedule unless a device says otherwise.
    public var kinds: Set<DeviceKind>

    public init(timezone: String = "Asia/Ho_Chi_Minh", days: Set<Int> = [1, 2, 3, 4, 5],
                start: Int = 7 * 60 + 30, end: Int = 17 * 60, holidays: Set<String> = [],
                kinds: Set<DeviceKind> = [.computer]) {
        self.timezone = timezone
        self.days = days
        self.start = start
        self.end = end
        self.holidays = holidays
        self.kinds = kinds
    }

    /// The calendar in the office's time zone, which day buckets and reports use.
    public var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timezone) ?? TimeZone(identifier: "Asia/Ho_Chi_Minh")!
        calendar.locale = Locale(identifier: "en_US_POSIX")
        return calendar
    }

    /// Whether `device` is expected to be off outside office hours.
    public func follows(_ device: Device) -> Bool {
        switch device.schedule {
        case .office: true
        case .always: false
        case nil: kinds.contains(device.kind)
        }
    }

    /// Whether the office is open at `date`.
    public func isOpen(at date: Date) -> Bool {
        scheduledSeconds(in: DateInterval(start: date, duration: 0.001)) > 0
    }

    /// How many seconds of `interval` fall inside office hours.
    public func scheduledSeconds(in interval: DateInterval) -> TimeInterval {
        let calendar = self.calendar
        var total: TimeInterval = 0
        var dayStart = calendar.startOfDay(for: interval.start)
        while dayStart < interval.end {
            guard let next = calendar.date(byAdding: .day, value: 1, to: dayStart) else { break }
            if isWorkingDay(dayStart, calendar: calendar) {
                let open = dayStart.addingTimeInterval(TimeInterval(start * 60))
                let close = dayStart.addingTimeInterval(TimeInterval(end * 60))
                let from = max(open, interval.start), to = min(close, interval.end)
                if to > from { total += to.timeIntervalSince(from) }
            }
            dayStart = next
        }
        return total
    }

    /// Whether the local day starting at `dayStart` is a working day (its weekday, not a holiday).
    func isWorkingDay(_ dayStart: Date, calendar: Calendar) -> Bool {
        // Calendar weekday: 1 = Sunday ... 7 = Saturday; ISO: 1 = Monday ... 7 = Sunday.
        let weekday = calendar.component(.weekday, from: dayStart)
        let iso = weekday == 1 ? 7 : weekday - 1
        return days.contains(iso) && !holidays.contains(DayKey.string(for: dayStart, calendar: calendar))
    }
}
