import GRDB

extension InventoryStore {
    /// The value of a PRAGMA on the store's own connections (`foreign_keys`, `journal_mode`),
    /// which no other connection to the file can see; for tests.
    func connectionPragma(_ name: String) throws -> String? {
        try database.read { db in try String.fetchOne(db, sql: "PRAGMA \(name)") }
    }
}
