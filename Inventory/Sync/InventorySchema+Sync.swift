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
        // Each batch sends the hourly coverage (the most any device was observed) of the days it
        // names; an initial sync's batches each name the whole half-year. Profiled, reading those
        // hours through the hour index and the table was most of the commune's time in an initial
        // sync; from this covering index alone it is about a third of that.
        migrator.registerMigration("sync-v2-coverage-index") { db in
            try db.create(index: "availabilityHour_coverage", on: "availabilityHour",
                          columns: ["hour", "upSeconds", "downSeconds", "offSeconds", "brokenSeconds"])
        }
    }
}
