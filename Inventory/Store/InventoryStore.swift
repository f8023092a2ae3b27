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
    /// The office's time zone: how dates in the store's messages and listings are written.
    public let timeZone: TimeZone

    /// Opens (creating if needed) the database at `path` and brings its schema up to date; with
    /// `readonly`, opens an existing database for reading only and never creates anything.
    ///
    /// - Throws: `InventoryError.newerDatabase` when the file was written by a newer kiemke,
    ///   so that an old binary never writes into a schema it does not understand;
    ///   `.databaseIsFolder` when `path` is a folder; `.missingDatabase` when `readonly` and
    ///   there is no file at `path`.
    ///
    /// `maximumReaders` bounds the pool's reader connections (each keeps its own page cache): the
    /// daemon, which reads little, keeps it small.
    public init(path: String, readonly: Bool = false, maximumReaders: Int = 5, timeZone: TimeZone = .current) throws {
        self.path = path
        self.timeZone = timeZone
        if path.trimmingCharacters(in: .whitespaces).isEmpty {
            throw InventoryError.invalidField(field: "database path", value: path, reason: "it is empty; name the database file")
        }
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        if exists && isFolder.boolValue { throw InventoryError.databaseIsFolder(path: path) }
        if readonly && !exists { throw InventoryError.missingDatabase(path: path) }
        if !readonly { try Self.createPrivately(path: path) }

        let migrator = InventorySchema.migrator
        let known = Set(migrator.migrations)
        if readonly {
            var (pool, applied) = try Self.openForReading(path: path, maximumReaders: maximumReaders)
            if !applied.subtracting(known).isEmpty {
                throw InventoryError.newerDatabase(path: path, unknownMigrations: applied.subtracting(known).sorted())
            }
            if applied != known {
                // An older schema: bring it up to date once through a writable store (the file exists,
                // so nothing is created), then read it as it now is.
                try pool.close()
                do {
                    _ = try InventoryStore(path: path, maximumReaders: 1, timeZone: timeZone)
                } catch let error as InventoryError {
                    if case .cannotOpen(_, let reason) = error { throw InventoryError.needsUpgrade(path: path, reason: reason) }
                    throw error
                } catch {
                    throw InventoryError.needsUpgrade(path: path, reason: Self.reason(error))
                }
                (pool, applied) = try Self.openForReading(path: path, maximumReaders: maximumReaders)
            }
            database = pool
            return
        }

        do {
            database = try DatabasePool(path: path, configuration: Self.configuration(readonly: false, maximumReaders: maximumReaders))
        } catch {
            throw InventoryError.cannotOpen(path: path, reason: Self.reason(error))
        }
        // Through the writer when it may migrate: a reader connection opened now would keep the
        // old schema for its first statement after the migration (stale column names).
        let applied: Set<String>
        do {
            applied = try database.writeWithoutTransaction { try migrator.appliedIdentifiers($0) }
        } catch {
            throw InventoryError.cannotOpen(path: path, reason: Self.reason(error))
        }
        let unknown = applied.subtracting(known)
        if !unknown.isEmpty {
            throw InventoryError.newerDatabase(path: path, unknownMigrations: unknown.sorted())
        }
        do {
            try migrator.migrate(database)
        } catch {
            throw InventoryError.cannotOpen(path: path, reason: Self.reason(error))
        }
    }

    private static func configuration(readonly: Bool, maximumReaders: Int) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.readonly = readonly
        config.label = "kiemke"
        config.maximumReaderCount = max(1, maximumReaders)
        return config
    }

    /// Opens `path` read-only and reads which migrations it has.
    ///
    /// A WAL database is read through its `-shm` index, which SQLite creates beside the file: in a
    /// folder this user cannot write (a 0444 file in a 0555 folder, a backup copy) that fails.
    /// When no `-wal` journal is waiting, the file alone holds every committed change, so it is
    /// then opened as immutable, which needs neither file.
    private static func openForReading(path: String, maximumReaders: Int) throws -> (DatabasePool, Set<String>) {
        let config = configuration(readonly: true, maximumReaders: maximumReaders)
        func open(_ name: String) throws -> (DatabasePool, Set<String>) {
            let pool = try DatabasePool(path: name, configuration: config)
            return (pool, try pool.read { try InventorySchema.migrator.appliedIdentifiers($0) })
        }
        do {
            return try open(path)
        } catch {
            let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? nil
            guard Self.isAccessError(error), (wal ?? 0) == 0 else {
                let hint = (wal ?? 0) > 0 ? " (its journal \(path)-wal holds changes not yet written into it, and this user cannot open them; run the command as the database's owner)" : ""
                throw InventoryError.cannotOpen(path: path, reason: Self.reason(error) + hint)
            }
            do {
                return try open(immutableURI(path))
            } catch {
                throw InventoryError.cannotOpen(path: path, reason: Self.reason(error))
            }
        }
    }

    /// Whether opening failed for lack of permission on the database's side files.
    private static func isAccessError(_ error: any Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        return [.SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_IOERR].contains(error.resultCode)
    }

    /// `file:PATH?immutable=1`: SQLite reads the file as it is, with no locks and no side files
    /// (the system SQLite understands URI names: Debian builds it with SQLITE_USE_URI).
    private static func immutableURI(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        return "file:" + (absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute) + "?immutable=1"
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
