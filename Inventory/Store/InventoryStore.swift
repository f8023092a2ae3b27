import Foundation
import GRDB
import Synchronization

/// The one SQLite file that holds the office's devices, condition marks and observations.
///
/// WAL mode lets the daemon write observations while `mark`, `report` and `status` read and
/// write from other processes; a writer waits for another's write lock (`waitForLocks`: a
/// minute for the commands, so a large import never makes `mark` fail).
///
/// The store follows its path, not the file it first opened: before each use it checks that
/// the path still names that file (device and inode). When the file was deleted it closes it and
/// refuses to write (nothing is ever reported written into a deleted file); when another file
/// was put in its place (a restored backup), it opens that one.
public final class InventoryStore: Sendable {
    /// The file this store opens.
    public let path: String
    /// The office's time zone: how dates in the store's messages and listings are written.
    public let timeZone: TimeZone
    private let options: Options
    private let lockWait: LockWait
    private let connection: Mutex<Connection>

    /// The most the WAL file keeps on disk after a checkpoint (SQLite's `journal_size_limit`):
    /// without it the WAL stays as large as the largest burst of writes ever was.
    static let walSizeLimit = 4 << 20
    /// How long a file put in place of the database must be left unchanged before it is
    /// opened: a backup still being copied is not written into.
    static let replacementQuiet: TimeInterval = 1

    private struct Options: Sendable {
        var readonly: Bool
        var maximumReaders: Int
        /// Each connection's page cache in KiB (SQLite's `cache_size`); nil: SQLite's default (2,000).
        var pageCacheKiB: Int?
    }

    /// The open pool and the file it opened; `pool` is nil once that file is gone.
    private struct Connection: Sendable {
        var pool: DatabasePool?
        var identity: FileIdentity?
        var generation: Int
        /// The WAL and shared-memory files last seen beside it (by suffix): SQLite neither
        /// checkpoints nor removes them when it closes a deleted database, and a copy put in its
        /// place would read the old file's pages from them.
        var companions: [String: FileIdentity] = [:]
    }

    /// SQLite's files beside the database in WAL mode.
    private static let companionSuffixes = ["-wal", "-shm"]

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    ///
    /// - Throws: `InventoryError.newerDatabase` when the file was written by a newer kiemke,
    ///   so that an old binary never writes into a schema it does not understand.
    ///
    /// `maximumReaders` bounds the pool's reader connections (each keeps its own page cache): the
    /// daemon, which reads little, keeps it small, and may cap each connection's page cache with
    /// `pageCacheKiB`. `waitForLocks` is how long a write waits for another process's write to
    /// finish (the commands wait a minute; see `limitLockWait`).
    public init(path: String, readonly: Bool = false, maximumReaders: Int = 5, pageCacheKiB: Int? = nil,
                timeZone: TimeZone = .current, waitForLocks: TimeInterval = 60) throws {
        self.path = path
        self.timeZone = timeZone
        options = Options(readonly: readonly, maximumReaders: maximumReaders, pageCacheKiB: pageCacheKiB)
        lockWait = LockWait(seconds: waitForLocks)
        if path.trimmingCharacters(in: .whitespaces).isEmpty {
            throw InventoryError.invalidField(field: "database path", value: path, reason: "it is empty; name the database file")
        }
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        if exists && isFolder.boolValue { throw InventoryError.databaseIsFolder(path: path) }
        if readonly && !exists { throw InventoryError.missingDatabase(path: path) }
        // A new database and its folder are private (0600/0700) whatever the umask.
        if !readonly { try Self.createPrivately(path: path) }
        let pool = try Self.open(path: path, options: options, lockWait: lockWait, timeZone: timeZone)
        connection = Mutex(Connection(pool: pool, identity: FileIdentity(path: path), generation: 0,
                                      companions: Self.companions(of: path)))
    }

    /// The database connections for the file the path names now (reopened if it was replaced).
    ///
    /// Internal: callers use the intent-named queries and changes, and every write goes through
    /// `write(_:)`, which stamps the change log.
    var database: DatabasePool {
        get throws { try current().pool }
    }

    /// How many times the store opened a file put in place of the one before; the daemon
    /// compares it to notice a restore.
    public var generation: Int {
        connection.withLock { $0.generation }
    }

    /// Checks that the path still names the open file, reopening a replacement; throws
    /// `InventoryError.databaseDeleted` when there is no file, `.databaseBeingReplaced` while a
    /// new one is still being written.
    public func checkFile() throws {
        _ = try current()
    }

    /// Lowers (or raises) how long writes wait for another process's write lock from now on.
    public func limitLockWait(seconds: TimeInterval) {
        lockWait.set(seconds: seconds)
    }

    /// Runs `body` in one write transaction; its changes, and their change-log stamps, commit together.
    ///
    /// Throws `InventoryError.databaseReplacedWhileWriting` when the path stopped naming the file
    /// during the transaction: what was committed went to a file that is no longer the database.
    /// With `generation`, writes only into that generation's file (the caller holds its row ids)
    /// and throws `.databaseReplaced` when another file was opened since.
    func write<T>(generation: Int? = nil, _ body: (inout ChangeWriter) throws -> T) throws -> T {
        let (pool, identity, opened) = try current()
        if let generation, generation != opened { throw InventoryError.databaseReplaced(path: path) }
        let result = try pool.write { db in
            var writer = ChangeWriter(db: db)
            let result = try body(&writer)
            try writer.finish()
            return result
        }
        if let identity, !(FileIdentity(path: path).map { $0.isSameFile(as: identity) } ?? false) {
            throw InventoryError.databaseReplacedWhileWriting(path: path)
        }
        let companions = Self.companions(of: path)
        connection.withLock { state in
            if state.generation == opened { state.companions.merge(companions) { $1 } }
        }
        return result
    }

    /// Copies what the WAL holds into the database file when no reader still needs it, so that
    /// the next write starts the WAL over (and `journal_size_limit` trims the file). Never waits.
    public func checkpoint() throws {
        _ = try database.writeWithoutTransaction { try $0.checkpoint(.passive) }
    }

    // MARK: - Opening

    /// The connections to the file at the path, after checking it is the one they opened.
    private func current() throws -> (pool: DatabasePool, identity: FileIdentity?, generation: Int) {
        try connection.withLock { state in
            let found = FileIdentity(path: path)
            if let pool = state.pool {
                guard let identity = state.identity else { return (pool, nil, state.generation) }
                if let found, found.isSameFile(as: identity) { return (pool, identity, state.generation) }
                // Deleted or replaced: close now, and remove the old file's WAL and shared memory
                // (SQLite leaves them when its file was deleted) before a restored copy meets them.
                try? pool.close()
                for (suffix, companion) in state.companions {
                    if let found = FileIdentity(path: path + suffix), found.isSameFile(as: companion) {
                        unlink(path + suffix)
                    }
                }
                state.pool = nil
                state.identity = nil
                state.companions = [:]
            }
            guard let found else { throw InventoryError.databaseDeleted(path: path) }
            guard found.isSettled(quiet: Self.replacementQuiet) else {
                throw InventoryError.databaseBeingReplaced(path: path)
            }
            let pool = try Self.open(path: path, options: options, lockWait: lockWait, timeZone: timeZone)
            state = Connection(pool: pool, identity: FileIdentity(path: path), generation: state.generation + 1,
                               companions: Self.companions(of: path))
            return (pool, state.identity, state.generation)
        }
    }

    private static func companions(of path: String) -> [String: FileIdentity] {
        var found: [String: FileIdentity] = [:]
        for suffix in companionSuffixes {
            if let identity = FileIdentity(path: path + suffix) { found[suffix] = identity }
        }
        return found
    }

    private static func open(path: String, options: Options, lockWait: LockWait, timeZone: TimeZone) throws -> DatabasePool {
        let migrator = InventorySchema.migrator
        let known = Set(migrator.migrations)
        if options.readonly {
            var (pool, applied) = try openForReading(path: path, maximumReaders: options.maximumReaders)
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
                (pool, applied) = try openForReading(path: path, maximumReaders: options.maximumReaders)
            }
            return pool
        }
        var config = configuration(readonly: false, maximumReaders: options.maximumReaders)
        config.busyMode = .callback { tries in lockWait.retry(after: tries) }
        let pageCache = options.pageCacheKiB
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_size_limit = \(walSizeLimit)")
            if let pageCache { try db.execute(sql: "PRAGMA cache_size = -\(max(64, pageCache))") }
        }
        let database: DatabasePool
        do {
            database = try DatabasePool(path: path, configuration: config)
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
        return database
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

    private static func reason(_ error: any Error) -> String {
        if let db = error as? DatabaseError { return db.message ?? "\(db)" }
        return (error as NSError).localizedDescription
    }
}
