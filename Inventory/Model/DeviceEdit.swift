import Foundation
import GRDB

/// One edit of a device's record (`kiemke devices edit`), kept in its history: what changed,
/// from what to what, when and by whom.
public struct DeviceEdit: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var deviceId: Int64
    public var time: Date
    public var editedBy: String
    /// "address 192.168.1.20 → 192.168.1.21; location Kế toán → Văn phòng", one part per field.
    public var changes: String

    public init(id: Int64? = nil, deviceId: Int64, time: Date, editedBy: String, changes: String) {
        self.id = id
        self.deviceId = deviceId
        self.time = time.storedPrecision
        self.editedBy = editedBy
        self.changes = changes
    }
}

extension DeviceEdit: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "deviceEdit"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
