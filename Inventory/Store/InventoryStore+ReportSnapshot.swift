import Foundation
import GRDB

extension InventoryStore {
    /// Reads what a report on `period`, made at `now`, needs: devices, marks, states, the period's
    /// daily and hourly rollups, and which devices answered or were measured.
    ///
    /// Rollups are kept for good, so a past period's figures stay exact after raw observations are
    /// pruned; observations still kept add what no rollup holds yet (a device probed only once).
    public func reportSnapshot(period: ReportPeriod, hours: OfficeHours, now: Date) throws -> ReportSnapshot {
        let calendar = hours.calendar
        let whole = period.interval(in: calendar)
        let span = (try? period.span(now: now, calendar: calendar)) ?? DateInterval(start: whole.start, duration: 0)
        var totals = try availability(fromDay: period.from, toDay: period.to)
        return try database.read { db in
            let devices = try Device.fetchAll(db)
            let marks = try ConditionMark.order(Column("markedAt"), Column("id")).fetchAll(db)
            let states = try DeviceState.fetchAll(db)
            try Self.moveBrokenTime(in: &totals, marks: marks, span: whole, db)
            var answered = Set(totals.filter { $0.value.up > 0 }.keys)
            var measured = Set(totals.filter { $0.value.up + $0.value.down + $0.value.broken > 0 }.keys)

            // Observations still kept: the answers and scheduled silences no rollup holds yet.
            for device in devices where !answered.contains(device.id ?? -1) && device.isActive(during: span) {
                guard let id = device.id else { continue }
                let follows = hours.follows(device)
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT time, up FROM observation WHERE deviceId = ? AND time >= ? AND time < ? ORDER BY time
                    """, arguments: [id, span.start, span.end])
                while let row = try rows.next() {
                    let up: Bool = row["up"]
                    if up {
                        answered.insert(id)
                        measured.insert(id)
                        break
                    }
                    let time: Date = row["time"]
                    if !follows || hours.isOpen(at: time) { measured.insert(id) }
                }
            }

            let firstHour = Int((span.start.timeIntervalSince1970 / 3600).rounded(.down))
            let endHour = Int((span.end.timeIntervalSince1970 / 3600).rounded(.up))
            var observedByHour: [Int: Double] = [:]
            for (hour, observed) in try Self.observedSeconds(hours: firstHour..<max(firstHour, endHour), in: db) where observed > 0 {
                observedByHour[hour] = observed
            }
            var observationSpan: DateInterval?
            if let row = try Row.fetchOne(db, sql: "SELECT MIN(time) AS first, MAX(time) AS last FROM observation WHERE time >= ? AND time < ?",
                                          arguments: [span.start, span.end]),
               let first: Date = row["first"], let last: Date = row["last"] {
                observationSpan = DateInterval(start: first, end: max(first, last))
            }
            return ReportSnapshot(period: period, devices: devices, marks: marks, states: states, totals: totals,
                                  answered: answered, measured: measured, observedByHour: observedByHour,
                                  observationSpan: observationSpan)
        }
    }

    /// Moves up and down time that falls inside a device's broken intervals into `broken`.
    ///
    /// The daemon credits time as broken only while a broken mark exists; a mark dated in the past
    /// (`kiemke mark NAME broken --at DATE`) comes after the time was credited. The hourly rollups
    /// still say when each second was, so the report re-splits them here: availability is up time
    /// over scheduled, observed, *not broken* time whenever the mark was entered. Hours credited
    /// while the mark already existed hold no up or down time, so nothing is moved twice.
    static func moveBrokenTime(in totals: inout [Int64: AvailabilityTotals], marks: [ConditionMark],
                               span: DateInterval, _ db: Database) throws {
        for (deviceId, intervals) in brokenIntervals(marks: marks, within: span) {
            for interval in intervals {
                let firstHour = Int((interval.start.timeIntervalSince1970 / 3600).rounded(.down))
                let endHour = Int((interval.end.timeIntervalSince1970 / 3600).rounded(.up))
                let rows = try Row.fetchAll(db, sql: """
                    SELECT hour, upSeconds, downSeconds FROM availabilityHour
                    WHERE deviceId = ? AND hour >= ? AND hour < ? AND upSeconds + downSeconds > 0
                    """, arguments: [deviceId, firstHour, endHour])
                for row in rows {
                    let hour: Int = row["hour"]
                    let hourSpan = DateInterval(start: Date(timeIntervalSince1970: Double(hour) * 3600), duration: 3600)
                    // An hour the mark covers in part moves that part of its time (seconds within an
                    // hour are not kept apart).
                    let share = (interval.intersection(with: hourSpan)?.duration ?? 0) / 3600
                    let up: Double = row["upSeconds"]
                    let down: Double = row["downSeconds"]
                    guard share > 0, var total = totals[deviceId] else { continue }
                    let movedUp = min(total.up, up * share)
                    let movedDown = min(total.down, down * share)
                    total.up -= movedUp
                    total.down -= movedDown
                    total.broken += movedUp + movedDown
                    totals[deviceId] = total
                }
            }
        }
    }

    /// Each device's spans marked broken (from a broken mark to the next mark of another condition), cut to `span`.
    static func brokenIntervals(marks: [ConditionMark], within span: DateInterval) -> [Int64: [DateInterval]] {
        var result: [Int64: [DateInterval]] = [:]
        for (deviceId, deviceMarks) in Dictionary(grouping: marks, by: \.deviceId) {
            let ordered = deviceMarks.sorted { ($0.markedAt, $0.id ?? 0) < ($1.markedAt, $1.id ?? 0) }
            var brokenSince: Date?
            func close(at end: Date) {
                guard let start = brokenSince else { return }
                let from = max(start, span.start), to = min(end, span.end)
                if from < to { result[deviceId, default: []].append(DateInterval(start: from, end: to)) }
                brokenSince = nil
            }
            for mark in ordered {
                if mark.condition == .broken {
                    if brokenSince == nil { brokenSince = mark.markedAt }
                } else {
                    close(at: mark.markedAt)
                }
            }
            close(at: span.end)
        }
        return result
    }
}
