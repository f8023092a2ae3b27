import Foundation
import GRDB

/// Collects the seconds a cycle credits to each device's hour and day buckets, then adds them in one go.
struct AvailabilityLedger {
    struct Seconds {
        var up: Double = 0
        var down: Double = 0
        var off: Double = 0
        var broken: Double = 0
    }

    let hours: OfficeHours
    let calendar: Calendar
    private(set) var byHour: [HourKey: Seconds] = [:]
    private(set) var byDay: [DayBucket: Seconds] = [:]
    /// The end of the latest span credited to each day bucket: when its change happened.
    private(set) var latestCredit: [DayBucket: Date] = [:]

    struct HourKey: Hashable {
        var deviceId: Int64
        var hour: Int
    }

    struct DayBucket: Hashable {
        var deviceId: Int64
        var day: String
    }

    init(hours: OfficeHours) {
        self.hours = hours
        calendar = hours.calendar
    }

    /// Credits `[from, to)` to `category`, or to broken while staff mark the device broken;
    /// the part outside office hours of a device that follows them is "off" instead.
    mutating func credit(deviceId: Int64, from: Date, to: Date, _ category: ProbeStateMachine.Credit, followsSchedule: Bool, markedBroken: Bool) {
        var start = from
        while start < to {
            let hourEnd = Date(timeIntervalSince1970: (floor(start.timeIntervalSince1970 / 3600) + 1) * 3600)
            let dayStart = calendar.startOfDay(for: start)
            let dayEnd = calendar.date(byAdding: .day, value: 1, to: dayStart)!
            let end = min(to, hourEnd, dayEnd)
            let length = end.timeIntervalSince(start)
            let scheduled = followsSchedule ? hours.scheduledSeconds(in: DateInterval(start: start, end: end)) : length
            var seconds = Seconds()
            seconds.off = length - scheduled
            if markedBroken {
                seconds.broken = scheduled
            } else if category == .up {
                seconds.up = scheduled
            } else {
                seconds.down = scheduled
            }
            byHour[HourKey(deviceId: deviceId, hour: Int(floor(start.timeIntervalSince1970 / 3600))), default: Seconds()].add(seconds)
            let bucket = DayBucket(deviceId: deviceId, day: DayKey.string(for: start, calendar: calendar))
            byDay[bucket, default: Seconds()].add(seconds)
            latestCredit[bucket] = max(latestCredit[bucket] ?? end, end)
            start = end
        }
    }

    /// Adds everything collected to the rollup tables.
    func flush(into db: Database) throws {
        let hourStatement = try db.cachedStatement(sql: Self.upsert(table: "availabilityHour", key: "hour"))
        for (key, s) in byHour {
            try hourStatement.execute(arguments: [key.deviceId, key.hour, s.up, s.down, s.off, s.broken])
        }
        let dayStatement = try db.cachedStatement(sql: Self.upsert(table: "availabilityDay", key: "day"))
        for (key, s) in byDay {
            try dayStatement.execute(arguments: [key.deviceId, key.day, s.up, s.down, s.off, s.broken])
        }
    }

    private static func upsert(table: String, key: String) -> String {
        """
        INSERT INTO \(table) (deviceId, \(key), upSeconds, downSeconds, offSeconds, brokenSeconds)
        VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (deviceId, \(key)) DO UPDATE SET
          upSeconds = upSeconds + excluded.upSeconds,
          downSeconds = downSeconds + excluded.downSeconds,
          offSeconds = offSeconds + excluded.offSeconds,
          brokenSeconds = brokenSeconds + excluded.brokenSeconds
        """
    }
}

extension AvailabilityLedger.Seconds {
    mutating func add(_ other: Self) {
        up += other.up
        down += other.down
        off += other.off
        broken += other.broken
    }
}
