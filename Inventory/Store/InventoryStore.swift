import Foundation
import GRDB

/// The one SQLite file that holds the office's devices, condition marks and observations.
///
/// WAL mode lets the daemon write observations while `mark`, `report` and `status` read and
/// write from other processes; the busy timeout absorbs the short write locks they contend for.
public final class InventoryStore: Sendable {
    /// The database connection pool; `DatabasePool` is itself `Sendable`.
    ///
    /// Internal: callers use the intent-named queries and changes, and every write goes through
    /// `write(_:)`, which stamps the change log.
    let database: DatabasePool
    /// The file this store opened.
    public let path: String

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    ///
    /// - Throws: `InventoryError.newerDatabase` when the file was written by a newer kiemke,
    ///   so that an old binary never writes into a schema it does not understand.
    ///
    /// `maximumReaders` bounds the pool's reader connections (each keeps its own page cache): the
    /// daemon, which reads little, keeps it small.
    public init(path: String, readonly: Bool = false, maximumReaders: Int = 5) throws {
        self.path = path
        if !readonly { try Self.createPrivately(path: path) }
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.readonly = readonly
        config.label = "kiemke"
        config.maximumReaderCount = max(1, maximumReaders)
        do {
            database = try DatabasePool(path: path, configuration: config)
        } catch {
            throw InventoryError.cannotOpen(path: path, reason: Self.reason(error))
        }
        let migrator = InventorySchema.migrator
        let known = Set(migrator.migrations)
        // Through the writer when it may migrate: a reader connection opened now would keep the
        // old schema for its first statement after the migration (stale column names).
        let applied = try readonly
            ? database.read { try migrator.appliedIdentifiers($0) }
            : database.writeWithoutTransaction { try migrator.appliedIdentifiers($0) }
        let unknown = applied.subtracting(known)
        if !unknown.isEmpty {
            throw InventoryError.newerDatabase(path: path, unknownMigrations: unknown.sorted())
        }
        if !readonly {
            try migrator.migrate(database)
        }
    }

    /// Runs `body` in one write transaction; its changes, and their change-log stamps, commit together.
    func write<T>(_ body: (inout ChangeWriter) throws -> T) throws -> T {
        try database.write { db in
            var writer = ChangeWriter(db: db)
            let result = try body(&writer)
            try writer.flushStamps()
            return result
        }
    }

    private static func reason(_ error: any Error) -> String {
        if let db = error as? DatabaseError { return db.message ?? "\(db)" }
        return (error as NSError).localizedDescription
    }
}
