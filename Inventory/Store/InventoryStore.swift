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
    /// daemon, which reads little, keeps it small. `waitForLocks` is how long a write waits for
    /// another process's write to finish (the commands wait a minute; see `limitLockWait`).
    public init(path: String, readonly: Bool = false, maximumReaders: Int = 5, waitForLocks: TimeInterval = 60) throws {
        self.path = path
        options = Options(readonly: readonly, maximumReaders: maximumReaders)
        lockWait = LockWait(seconds: waitForLocks)
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw InventoryError.cannotCreateFolder(path: folder, reason: Self.reason(error))
            }
        }
        let pool = try Self.open(path: path, options: options, lockWait: lockWait)
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
            let pool = try Self.open(path: path, options: options, lockWait: lockWait)
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

    private static func open(path: String, options: Options, lockWait: LockWait) throws -> DatabasePool {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .callback { tries in lockWait.retry(after: tries) }
        config.readonly = options.readonly
        config.label = "kiemke"
        config.maximumReaderCount = max(1, options.maximumReaders)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_size_limit = \(walSizeLimit)")
        }
        let database: DatabasePool
        do {
            database = try DatabasePool(path: path, configuration: config)
        } catch {
            throw InventoryError.cannotOpen(path: path, reason: Self.reason(error))
        }
        let migrator = InventorySchema.migrator
        let known = Set(migrator.migrations)
        // Through the writer when it may migrate: a reader connection opened now would keep the
        // old schema for its first statement after the migration (stale column names).
        let applied = try options.readonly
            ? database.read { try migrator.appliedIdentifiers($0) }
            : database.writeWithoutTransaction { try migrator.appliedIdentifiers($0) }
        let unknown = applied.subtracting(known)
        if !unknown.isEmpty {
            throw InventoryError.newerDatabase(path: path, unknownMigrations: unknown.sorted())
        }
        if !options.readonly {
            try migrator.migrate(database)
        }
        return database
    }

    private static func reason(_ error: any Error) -> String {
        if let db = error as? DatabaseError { return db.message ?? "\(db)" }
        return (error as NSError).localizedDescription
    }
}
