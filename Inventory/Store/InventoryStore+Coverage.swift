import GRDB

extension InventoryStore {
    /// The most seconds any device was observed in each UTC hour of `hours` that has any: how long
    /// kiemke was measuring then, the denominator of the report's coverage (and what sync sends of it).
    ///
    /// One index lookup per hour (`availabilityHour_observed`, on the hour and the observed sum), not a
    /// scan of every device's hours: a year of 1,000 devices is 8.8 million hourly rows, and grouping
    /// them took over a second of each report (`bench/run store`) and of each initial sync's batch.
    static func observedSeconds(hours: Range<Int>, in db: Database) throws -> [(hour: Int, observed: Double)] {
        guard !hours.isEmpty else { return [] }
        var result: [(hour: Int, observed: Double)] = []
        let rows = try Row.fetchCursor(db, sql: """
            WITH RECURSIVE h(hour) AS (SELECT ? UNION ALL SELECT hour + 1 FROM h WHERE hour + 1 < ?)
            SELECT h.hour, (SELECT a.upSeconds + a.downSeconds + a.offSeconds + a.brokenSeconds FROM availabilityHour a
                            WHERE a.hour = h.hour
                            ORDER BY a.upSeconds + a.downSeconds + a.offSeconds + a.brokenSeconds DESC LIMIT 1)
            FROM h
            """, arguments: [hours.lowerBound, hours.upperBound])
        while let row = try rows.next() {
            guard let observed: Double = row[1] else { continue }
            result.append((row[0], observed))
        }
        return result
    }
}
