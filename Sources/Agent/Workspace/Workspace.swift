import Foundation
import Inventory

/// The config and database a command works on, found the way every command finds them.
public struct Workspace: Sendable {
    public let configuration: Configuration
    /// The config file read, or nil when the defaults apply.
    public let configPath: String?
    public let databasePath: String

    /// Resolves `--config`/`KIEMKE_CONFIG` and `--db`/`KIEMKE_DB`, reading the config file if there is one.
    ///
    /// Without `--config` or `KIEMKE_CONFIG`, `/etc/kiemke/kiemke.toml` is read when it exists.
    /// Secrets files every user can read are listed in `configuration.exposedSecretFiles`, for
    /// the caller to warn about.
    public init(dbFlag: String?, configFlag: String?,
                environment: [String: String] = ProcessInfo.processInfo.environment,
                isRoot: Bool = getuid() == 0) throws(ConfigError) {
        let explicit = configFlag ?? environment["KIEMKE_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
        let systemConfig = "/etc/kiemke/kiemke.toml"
        let path = explicit ?? (FileManager.default.fileExists(atPath: systemConfig) ? systemConfig : nil)
        if let path {
            configuration = try Configuration.load(from: URL(fileURLWithPath: path))
        } else {
            configuration = Configuration()
        }
        configPath = path
        databasePath = DatabaseLocation.resolve(flag: dbFlag, configured: configuration.database,
                                                environment: environment, isRoot: isRoot)
    }

    /// The office's time zone (config `[hours] timezone`): dates typed with `--at`, `--since` and
    /// in the import are read in it, and listings write times in it.
    public var timeZone: TimeZone { configuration.schedule.calendar.timeZone }

    /// Opens the store for a command that changes data (creating the file and its folder on first
    /// use). A write waits up to `waitForLocks` seconds for another process's write (a large import).
    public func openStore(maximumReaders: Int = 5, pageCacheKiB: Int? = nil, waitForLocks: TimeInterval = 60) throws -> InventoryStore {
        try InventoryStore(path: databasePath, maximumReaders: maximumReaders, pageCacheKiB: pageCacheKiB, timeZone: timeZone,
                           waitForLocks: waitForLocks)
    }

    /// Opens the store for a command that changes what is already there (`mark`, `devices remove`):
    /// a mistyped path is an error naming it, not a new empty database.
    public func openExistingStore() throws -> InventoryStore {
        if !FileManager.default.fileExists(atPath: databasePath) {
            throw InventoryError.missingDatabase(path: databasePath)
        }
        return try openStore()
    }

    /// Opens the store for a command that only reads (`report`, `status`, `devices list/show`,
    /// `history`): never creates a file or folder, and works on a database this user cannot write.
    public func openStoreForReading() throws -> InventoryStore {
        try InventoryStore(path: databasePath, readonly: true, timeZone: timeZone)
    }
}
