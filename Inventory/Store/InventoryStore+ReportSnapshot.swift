import Foundation
import GRDB

extension InventoryStore {
    /// Reads what a report on `period` needs: devices, marks, states and the period's daily rollups.
    public func reportSnapshot(period: ReportPeriod) throws -> ReportSnapshot {
        let (devices, marks, states) = try database.read { db in
            (try Device.fetchAll(db),
             try ConditionMark.order(Column("markedAt"), Column("id")).fetchAll(db),
             try DeviceState.fetchAll(db))
        }
        let totals = try availability(fromDay: period.from, toDay: period.to)
        return ReportSnapshot(period: period, devices: devices, marks: marks, states: states, totals: totals)
    }
}
