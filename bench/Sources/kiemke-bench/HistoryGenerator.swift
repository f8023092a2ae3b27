import Foundation
import GRDB
import Inventory
import Probes
import KiemkeCore

/// Writes a long past into the availability rollups the way the daemon would have left it.
///
/// The daemon credits every probe interval to `availabilityHour` (per UTC hour) and
/// `availabilityDay` (per local day); raw observations are pruned after `retention.raw_days`,
/// so a year of history *is* a year of rollup rows, not 100 million observations. This fills
/// one row per device per hour with SQL (office hours for computers, a dead device down all
/// the time, about 1% of other device-hours down), then sums the hours into local days, so
/// both tables agree as they would after a real year.
///
/// It writes through its own connection to the file, not through the store: faking a past in
/// bulk SQL is no change of the office's data (the change log does not hear of it).
struct HistoryGenerator {
    let hours: OfficeHours
    /// Every device whose id is a multiple of this is dead the whole time; 0: none.
    let deadEvery: Int

    /// Fills the rollups for the UTC hours `[firstHour, endHour)`; returns (hour rows, day rows).
    func generate(in store: InventoryStore, firstHour: Int, endHour: Int) throws -> (hours: Int, days: Int) {
        let offsetHours = hours.calendar.timeZone.secondsFromGMT() / 3600
        let computer = DeviceKind.computer.rawValue
        let dead = deadEvery > 0 ? "d.id % \(deadEvery) = 0" : "0"
        let queue = try DatabaseQueue(path: store.path)
        defer { try? queue.close() }
        return try queue.write { db in
            try db.execute(sql: """
                WITH RECURSIVE h(hour) AS (SELECT ? UNION ALL SELECT hour + 1 FROM h WHERE hour + 1 < ?),
                slot AS (
                  SELECT d.id AS deviceId, h.hour AS hour,
                    CASE WHEN d.kind <> '\(computer)' THEN 3600
                         WHEN strftime('%w', (h.hour + \(offsetHours)) * 3600, 'unixepoch') IN ('0', '6') THEN 0
                         WHEN (h.hour + \(offsetHours)) % 24 BETWEEN 8 AND 16 THEN 3600
                         WHEN (h.hour + \(offsetHours)) % 24 = 7 THEN 1800
                         ELSE 0 END AS scheduled,
                    (\(dead)) OR ((d.id * 7919 + h.hour * 104729) % 997) < 10 AS isDown
                  FROM device d CROSS JOIN h
                )
                INSERT INTO availabilityHour (deviceId, hour, upSeconds, downSeconds, offSeconds, brokenSeconds)
                SELECT deviceId, hour,
                       CASE WHEN isDown THEN 0 ELSE scheduled END,
                       CASE WHEN isDown THEN scheduled ELSE 0 END,
                       3600 - scheduled, 0
                FROM slot ORDER BY deviceId, hour
                """, arguments: [firstHour, endHour])
            let hourRows = db.changesCount
            try db.execute(sql: """
                INSERT INTO availabilityDay (deviceId, day, upSeconds, downSeconds, offSeconds, brokenSeconds)
                SELECT deviceId, date((hour + \(offsetHours)) * 3600, 'unixepoch') AS day,
                       SUM(upSeconds), SUM(downSeconds), SUM(offSeconds), SUM(brokenSeconds)
                FROM availabilityHour WHERE hour >= ? AND hour < ?
                GROUP BY deviceId, day
                """, arguments: [firstHour, endHour])
            return (hourRows, db.changesCount)
        }
    }
}
