import Foundation

/// The `[sync]` table: where the province's PostgreSQL is and who this office is there.
public struct SyncConfig: Sendable, Equatable {
    /// postgres://USER@HOST:5432/DATABASE[?sslmode=verify-full&sslrootcert=...]; nil: no sync.
    public var url: String?
    /// The office's code at the province (its PostgreSQL role is kiemke_CODE).
    public var officeCode = ""
    /// The office's name, as the province table may show it.
    public var officeName = ""
    /// The role's password; belongs in the secrets file.
    public var password: String?
    /// Time between rounds.
    public var interval: Duration = .seconds(300)
    /// Change-log entries (and state changes, observations) per batch; each batch is one transaction.
    public var batchSize = 2_000
    /// The longest one round may take.
    public var roundDeadline: Duration = .seconds(300)

    public init() {}
}
