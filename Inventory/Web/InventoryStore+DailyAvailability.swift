import Foundation
import GRDB

extension InventoryStore {
    /// One device's totals for each local day of `fromDay...toDay` ("YYYY-MM-DD") it has any, by day:
    /// what the device page's availability chart draws.
    public func dailyAvailability(deviceId: Int64, fromDay: String, toDay: String) throws -> [String: AvailabilityTotals] {
        try database.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT day, upSeconds, downSeconds, offSeconds, brokenSeconds FROM availabilityDay
                WHERE deviceId = ? AND day >= ? AND day <= ?
                """, arguments: [deviceId, fromDay, toDay])
            return Dictionary(rows.map { row in
                (row["day"] as String, AvailabilityTotals(up: row["upSeconds"], down: row["downSeconds"],
                                                          off: row["offSeconds"], broken: row["brokenSeconds"]))
            }, uniquingKeysWith: { a, _ in a })
        }
    }
}
