import Foundation
import GRDB

/// One commune's data as the province keeps it, decoded with the store's own record types, from
/// which the same `ReportSnapshot` (and so the same report) is made as the commune makes locally.
///
/// Rows come as GRDB `Row`s whose columns are named and valued as the commune's SQLite has them
/// (times as GRDB's UTC text), so they decode through the very same code.
public struct CentralCopy: Sendable {
    /// One device's availability on one local day, with that day's hourly rows.
    public struct Day: Sendable {
        public var deviceId: Int64
        public var day: String
        public var totals: AvailabilityTotals
        /// (hour since 1970, seconds) pairs.
        public var hours: [(hour: Int, totals: AvailabilityTotals)]

        public init(deviceId: Int64, day: String, totals: AvailabilityTotals, hours: [(hour: Int, totals: AvailabilityTotals)]) {
            self.deviceId = deviceId
            self.day = day
            self.totals = totals
            self.hours = hours
        }
    }

    /// What one device's observations of one local day came to.
    public struct ObservationDay: Sendable {
        public var deviceId: Int64
        public var day: String
        public var first: Date
        public var last: Date
        public var answered: Bool
        public var measured: Bool

        public init(deviceId: Int64, day: String, first: Date, last: Date, answered: Bool, measured: Bool) {
            self.deviceId = deviceId
            self.day = day
            self.first = first
            self.last = last
            self.answered = answered
            self.measured = measured
        }
    }

    public var devices: [Device] = []
    public var marks: [ConditionMark] = []
    public var states: [DeviceState] = []
    public var days: [Day] = []
    public var observationDays: [ObservationDay] = []
    /// For each hour (seconds since 1970 / 3600), the most seconds any device was observed in it.
    public var observedByHour: [Int: Double] = [:]

    public init() {}

    /// Decodes a device from a row with the store's `device` columns.
    public static func device(_ row: [String: (any DatabaseValueConvertible)?]) throws -> Device {
        try Device(row: Row(row))
    }

    /// Decodes a condition mark from a row with the store's `conditionMark` columns.
    public static func mark(_ row: [String: (any DatabaseValueConvertible)?]) throws -> ConditionMark {
        try ConditionMark(row: Row(row))
    }

    /// Decodes a probe state from a row with the store's `deviceState` columns.
    public static func state(_ row: [String: (any DatabaseValueConvertible)?]) throws -> DeviceState {
        try DeviceState(row: Row(row))
    }

    /// A time in the store's text form, as the store reads it.
    public static func time(_ text: String) -> Date? {
        Date.fromDatabaseValue(text.databaseValue)
    }

    /// What a report on `period`, made at `now`, needs: the same as `InventoryStore.reportSnapshot`
    /// computes from the commune's own file.
    public func reportSnapshot(period: ReportPeriod, hours: OfficeHours, now: Date) -> ReportSnapshot {
        let calendar = hours.calendar
        let whole = period.interval(in: calendar)
        let span = (try? period.span(now: now, calendar: calendar)) ?? DateInterval(start: whole.start, duration: 0)
        // Days in device, day order, summed as SQLite's SUM walks the primary key.
        let inPeriod = days.filter { $0.day >= period.from && $0.day <= period.to }
            .sorted { ($0.deviceId, $0.day) < ($1.deviceId, $1.day) }
        var totals: [Int64: AvailabilityTotals] = [:]
        for day in inPeriod {
            var total = totals[day.deviceId] ?? AvailabilityTotals()
            total.up += day.totals.up
            total.down += day.totals.down
            total.off += day.totals.off
            total.broken += day.totals.broken
            totals[day.deviceId] = total
        }
        var hourRows: [Int64: [(hour: Int, totals: AvailabilityTotals)]] = [:]
        for day in days { hourRows[day.deviceId, default: []] += day.hours }

        // As `InventoryStore.moveBrokenTime`: time inside broken marks moves to broken.
        for (deviceId, intervals) in InventoryStore.brokenIntervals(marks: marks, within: whole) {
            let rows = (hourRows[deviceId] ?? []).sorted { $0.hour < $1.hour }
            for interval in intervals {
                let firstHour = Int((interval.start.timeIntervalSince1970 / 3600).rounded(.down))
                let endHour = Int((interval.end.timeIntervalSince1970 / 3600).rounded(.up))
                for row in rows where row.hour >= firstHour && row.hour < endHour && row.totals.up + row.totals.down > 0 {
                    let hourSpan = DateInterval(start: Date(timeIntervalSince1970: Double(row.hour) * 3600), duration: 3600)
                    let share = (interval.intersection(with: hourSpan)?.duration ?? 0) / 3600
                    guard share > 0, var total = totals[deviceId] else { continue }
                    let movedUp = min(total.up, row.totals.up * share)
                    let movedDown = min(total.down, row.totals.down * share)
                    total.up -= movedUp
                    total.down -= movedDown
                    total.broken += movedUp + movedDown
                    totals[deviceId] = total
                }
            }
        }
        var answered = Set(totals.filter { $0.value.up > 0 }.keys)
        var measured = Set(totals.filter { $0.value.up + $0.value.down + $0.value.broken > 0 }.keys)

        // The observations' day summaries: what no rollup holds yet.
        let observed = observationDays.filter { $0.day >= period.from && $0.day <= period.to
            && $0.last >= span.start && $0.first < span.end }
        let observedByDevice = Dictionary(grouping: observed, by: \.deviceId)
        for device in devices where !answered.contains(device.id ?? -1) && device.isActive(during: span) {
            guard let id = device.id else { continue }
            for day in observedByDevice[id] ?? [] {
                if day.answered { answered.insert(id); measured.insert(id) }
                if day.measured { measured.insert(id) }
            }
        }

        let firstHour = Int((span.start.timeIntervalSince1970 / 3600).rounded(.down))
        let endHour = Int((span.end.timeIntervalSince1970 / 3600).rounded(.up))
        let observedByHour = self.observedByHour.filter { $0.key >= firstHour && $0.key < endHour && $0.value > 0 }
        var observationSpan: DateInterval?
        if let first = observed.map(\.first).min(), let last = observed.map(\.last).max() {
            let from = max(first, span.start), to = min(last, span.end)
            observationSpan = DateInterval(start: from, end: max(from, to))
        }
        return ReportSnapshot(period: period, devices: devices.sorted { ($0.id ?? 0) < ($1.id ?? 0) },
                              marks: marks.sorted { ($0.markedAt, $0.id ?? 0) < ($1.markedAt, $1.id ?? 0) },
                              states: states.sorted { $0.deviceId < $1.deviceId }, totals: totals,
                              answered: answered, measured: measured, observedByHour: observedByHour,
                              observationSpan: observationSpan)
    }
}
