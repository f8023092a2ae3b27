import Foundation
import GRDB

/// Seconds of one device's time, by what it was, over a span of days.
public struct AvailabilityTotals: Sendable, Equatable {
    public var up: Double = 0
    public var down: Double = 0
    /// Outside office hours, for a device that follows them.
    public var off: Double = 0
    /// While staff had it marked broken.
    public var broken: Double = 0

    public init(up: Double = 0, down: Double = 0, off: Double = 0, broken: Double = 0) {
        self.up = up
        self.down = down
        self.off = off
        self.broken = broken
    }

    /// Time the daemon observed, in or out of schedule.
    public var observed: Double { up + down + off + broken }

    /// Up time over scheduled, observed, not-broken time, or nil when there is none.
    public var availability: Double? {
        up + down > 0 ? up / (up + down) : nil
    }

    public static func + (lhs: Self, rhs: Self) -> Self {
        Self(up: lhs.up + rhs.up, down: lhs.down + rhs.down, off: lhs.off + rhs.off, broken: lhs.broken + rhs.broken)
    }
}

extension InventoryStore {
    /// Each device's totals over the local days `from...to` ("YYYY-MM-DD"), from the daily rollup.
    public func availability(fromDay: String, toDay: String) throws -> [Int64: AvailabilityTotals] {
        try database.read { db in
            // "+day" keeps SQLite off the availabilityDay_day index: through it, a year of 1,000
            // devices is 366,000 scattered row lookups plus a sort (0.7 s); walking the primary
            // key (deviceId, day) reads the rows in order, already grouped (0.09 s). See BENCHMARKS.md.
            let rows = try Row.fetchAll(db, sql: """
                SELECT deviceId, SUM(upSeconds) AS up, SUM(downSeconds) AS down,
                       SUM(offSeconds) AS off, SUM(brokenSeconds) AS broken
                FROM availabilityDay WHERE +day >= ? AND +day <= ? GROUP BY deviceId
                """, arguments: [fromDay, toDay])
            return Dictionary(uniqueKeysWithValues: rows.map { row in
                (row["deviceId"] as Int64,
                 AvailabilityTotals(up: row["up"], down: row["down"], off: row["off"], broken: row["broken"]))
            })
        }
    }

    /// The current probe state of every device that has been probed.
    public func deviceStates() throws -> [Int64: DeviceState] {
        try database.read { db in
            Dictionary(uniqueKeysWithValues: try DeviceState.fetchAll(db).map { ($0.deviceId, $0) })
        }
    }
}
