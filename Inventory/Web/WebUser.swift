import Foundation
import GRDB

/// An account of the office's web page. Only the password's bcrypt hash is kept.
public struct WebUser: Codable, Sendable, Equatable {
    /// The login name as typed when the account was made (NFC, case kept).
    public var name: String
    /// `name` folded (case, diacritics, spacing ignored): what logins match and what is unique.
    public var nameKey: String
    public var role: WebRole
    /// The bcrypt hash ("$2b$12$..."); never the password.
    public var passwordHash: String
    public var createdAt: Date
    public var passwordChangedAt: Date

    public init(name: String, nameKey: String, role: WebRole, passwordHash: String, createdAt: Date, passwordChangedAt: Date) {
        self.name = name
        self.nameKey = nameKey
        self.role = role
        self.passwordHash = passwordHash
        self.createdAt = createdAt.storedPrecision
        self.passwordChangedAt = passwordChangedAt.storedPrecision
    }
}

extension WebUser: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "webUser"

    public enum Columns {
        public static let nameKey = Column("nameKey")
    }
}
