import Foundation
import GRDB

extension InventoryStore {
    /// The probe states of the devices `ids` that have been probed, by device id: what a poller that
    /// just started knows of them (how they answered, their last facts).
    public func probeStates(ids: [Int64]) throws -> [Int64: DeviceState] {
        guard !ids.isEmpty else { return [:] }
        return try database.read { db in
            Dictionary(uniqueKeysWithValues: try DeviceState.filter(keys: ids).fetchAll(db).map { ($0.deviceId, $0) })
        }
    }
}
