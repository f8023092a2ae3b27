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
        let totals = try availability(fromDay: period.from, toDay: period.to)
        return try database.read { db in
            let devices = try Device.fetchAll(db)
            let marks = try ConditionMark.order(Column("markedAt"), Column("id")).fetchAll(db)
            let states = try DeviceState.fetchAll(db)
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
            for row in try Row.fetchAll(db, sql: """
                SELECT hour, MAX(upSeconds + downSeconds + offSeconds + brokenSeconds) AS observed
                FROM availabilityHour WHERE hour >= ? AND hour < ? GROUP BY hour
                """, arguments: [firstHour, endHour]) {
                let observed: Double = row["observed"]
                if observed > 0 { observedByHour[row["hour"]] = observed }
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
}
