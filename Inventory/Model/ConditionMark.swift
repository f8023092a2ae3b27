import Foundation
import GRDB
import KiemkeCore

/// A person's judgement of a device's condition at a moment; marks are never overwritten.
public struct ConditionMark: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var deviceId: Int64
    public var condition: Condition
    public var note: String
    /// Who marked it: the `--by` name, else the login name.
    public var markedBy: String
    /// When the condition was seen (`mark --at`, the import's `condition_since`; default: when it
    /// was entered): the report reads the condition at a moment from this.
    public var markedAt: Date
    /// When the mark was entered into kiemke; equal to `markedAt` unless that was back-dated.
    public var enteredAt: Date

    public init(id: Int64? = nil, deviceId: Int64, condition: Condition, note: String = "", markedBy: String,
                markedAt: Date = Date(), enteredAt: Date? = nil) {
        self.id = id
        self.deviceId = deviceId
        self.condition = condition
        self.note = NameKey.clean(note)
        self.markedBy = NameKey.clean(markedBy)
        self.markedAt = markedAt.storedPrecision
        self.enteredAt = max(enteredAt ?? Date(), markedAt).storedPrecision
    }
}

extension ConditionMark: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "conditionMark"
    public static let device = belongsTo(Device.self)

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
