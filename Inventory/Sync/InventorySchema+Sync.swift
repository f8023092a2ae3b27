import Foundation
import GRDB

extension InventorySchema {
    /// The sync's own migrations, registered after the store's: where the province's
    /// acknowledgement stands, and how the last rounds went. Never edited after release.
    static func registerSyncMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("sync-v1-state") { db in
            try db.create(table: "syncState") { t in
                t.primaryKey("id", .integer).check { $0 == 1 }
                t.column("acknowledged", .integer).notNull().defaults(to: 0)
                t.column("stateChangeMark", .integer).notNull().defaults(to: 0)
                t.column("observationMark", .integer).notNull().defaults(to: 0)
                t.column("lastSuccessAt", .datetime)
                t.column("lastAttemptAt", .datetime)
                t.column("lastError", .text)
            }
            try db.execute(sql: "INSERT INTO syncState (id) VALUES (1)")
        }
    }
}
