import Foundation

/// An office's working window of each local day over one interval, worked out once: the seconds
/// `OfficeHours.scheduledSeconds(in:)` gives for any part of that interval, without its calendar
/// work (day starts, weekday, holiday key) on every call.
///
/// The report asks for the scheduled seconds of every hour of a half-year (about 4,400 calls an
/// office); each call walked the calendar afresh. Here each day is walked once, with the same
/// calendar steps, and a part's seconds are summed from the same dates in the same order, so the
/// figures are bit for bit those of `OfficeHours.scheduledSeconds(in:)`. A part outside the
/// interval, or a calendar whose day chain does not land on local midnights, falls back to it.
public struct WorkingDays: Sendable {
    /// One local day: where it starts and ends, and its window when it is a working day.
    struct Day: Sendable {
        var start: Date
        var next: Date
        var open: Date?
        var close: Date?
    }

    public let hours: OfficeHours
    /// Consecutive days (each `next` the following `start`), or empty when the chain could not be trusted.
    let days: [Day]

    /// Works out the days from the one `interval` starts in to the one it ends in.
    public init(hours: OfficeHours, covering interval: DateInterval) {
        self.hours = hours
        let calendar = hours.calendar
        var days: [Day] = []
        var dayStart = calendar.startOfDay(for: interval.start)
        var trusted = true
        while dayStart < interval.end {
            guard let next = calendar.date(byAdding: .day, value: 1, to: dayStart),
                  // A part's walk starts at the start of its own day: the chain must be made of day starts.
                  calendar.startOfDay(for: next) == next else { trusted = false; break }
            var day = Day(start: dayStart, next: next)
            if hours.isWorkingDay(dayStart, calendar: calendar) {
                day.open = dayStart.addingTimeInterval(TimeInterval(hours.start * 60))
                day.close = dayStart.addingTimeInterval(TimeInterval(hours.end * 60))
            }
            days.append(day)
            dayStart = next
        }
        if days.first.map({ calendar.startOfDay(for: $0.start) != $0.start }) ?? false { trusted = false }
        self.days = trusted ? days : []
    }

    /// How many seconds of `interval` fall inside office hours: `OfficeHours.scheduledSeconds(in:)`.
    public func scheduledSeconds(in interval: DateInterval) -> TimeInterval {
        guard let first = days.first, let last = days.last, interval.start >= first.start, interval.start < last.next,
              interval.end <= last.next else {
            return hours.scheduledSeconds(in: interval)
        }
        // The day `interval` starts in: the last whose start is not after it.
        var low = 0, high = days.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if days[middle].start <= interval.start { low = middle } else { high = middle - 1 }
        }
        var total: TimeInterval = 0
        var index = low
        while index < days.count, days[index].start < interval.end {
            let day = days[index]
            if let open = day.open, let close = day.close {
                let from = max(open, interval.start), to = min(close, interval.end)
                if to > from { total += to.timeIntervalSince(from) }
            }
            index += 1
        }
        return total
    }
}
