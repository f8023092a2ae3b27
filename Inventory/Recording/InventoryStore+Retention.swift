import Foundation
import GRDB

extension InventoryStore {
    /// Deletes raw observations older than `days`; hourly and daily rollups stay, so past reports stay exact.
    @discardableResult
    public func pruneObservations(olderThanDays days: Int, now: Date = Date()) throws -> Int {
        let cutoff = now.addingTimeInterval(-Double(days) * 86_400)
        return try write { writer in try writer.pruneObservations(before: cutoff) }
    }
}
