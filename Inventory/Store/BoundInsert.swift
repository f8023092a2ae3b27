import GRDB
import GRDBSQLite

/// One execution of a prepared statement whose values are bound with SQLite's own calls.
///
/// GRDB's `StatementArguments` box every value twice (an existential, then a `DatabaseValue`)
/// and check them against the statement on each run: for a 200,000-row import that cost more
/// than SQLite's inserts. `ChangeWriter` binds its bulk inserts here instead, in the encodings
/// GRDB would have written (text, integers, reals, NULL), and the statement stays GRDB's own
/// cached one. The statement is run right away: no value outlives the call that binds it.
struct BoundInsert {
    private let statement: Statement
    private let handle: SQLiteStatement
    private var index: Int32 = 0
    /// The first binding SQLite refused (a text over its length limit), reported by `run`.
    private var failure = SQLITE_OK

    /// Starts binding `statement`'s parameters, first to last.
    init(_ statement: Statement) {
        self.statement = statement
        handle = statement.sqliteStatement
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Binds the next parameter to `text` (SQLite copies it).
    mutating func bind(_ text: String) {
        index += 1
        var text = text
        let code = text.withUTF8 { bytes in
            // An empty text has no buffer, and a NULL pointer would bind NULL: "" is a C string.
            guard let start = bytes.baseAddress, bytes.count > 0 else { return sqlite3_bind_text(handle, index, "", 0, Self.transient) }
            return start.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
                sqlite3_bind_text64(handle, index, chars, sqlite3_uint64(bytes.count), Self.transient, UInt8(SQLITE_UTF8))
            }
        }
        check(code)
    }

    /// Binds the next parameter to `text`, or NULL.
    mutating func bind(_ text: String?) {
        if let text { bind(text) } else { bindNull() }
    }

    /// Binds the next parameter to `value`, or NULL.
    mutating func bind(_ value: Int64?) {
        index += 1
        if let value { check(sqlite3_bind_int64(handle, index, value)) }
    }

    /// Binds the next parameter to `value`, or NULL.
    mutating func bind(_ value: Double?) {
        index += 1
        if let value { check(sqlite3_bind_double(handle, index, value)) }
    }

    /// Leaves the next parameter NULL (`sqlite3_clear_bindings` made every parameter NULL).
    mutating func bindNull() {
        index += 1
    }

    /// Runs the statement once with the bound values; a failure is GRDB's `DatabaseError`,
    /// as from GRDB's own `execute`.
    func run(in db: Database) throws {
        if failure != SQLITE_OK {
            throw DatabaseError(resultCode: ResultCode(rawValue: failure), sql: statement.sql)
        }
        let code = sqlite3_step(handle)
        defer { sqlite3_reset(handle) }
        guard code == SQLITE_DONE || code == SQLITE_ROW else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
        }
    }

    private mutating func check(_ code: Int32) {
        if code != SQLITE_OK && failure == SQLITE_OK { failure = code }
    }

    /// What `SQLITE_TRANSIENT` says in C: SQLite copies the bytes before the call returns.
    private static var transient: sqlite3_destructor_type {
        unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
    }
}
