import Foundation
import GRDB

/// The store's versioned migrations: each one is applied once, in order, and never edited after release.
public enum InventorySchema {
    /// The migrator that brings any older kiemke database up to this binary's schema.
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 devices, marks, observations") { db in
            try db.create(table: "device") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull()
                t.column("nameKey", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("address", .text).notNull().defaults(to: "")
                t.column("location", .text).notNull().defaults(to: "")
                t.column("note", .text).notNull().defaults(to: "")
                t.column("snmpVersion", .text)
                t.column("snmpCommunity", .text)
                t.column("snmpPort", .integer)
                t.column("createdAt", .datetime).notNull()
                t.column("retiredAt", .datetime)
            }
            // A retired device's name may be reused; two active devices may not share one.
            try db.execute(sql: """
                CREATE UNIQUE INDEX device_activeName ON device(nameKey) WHERE retiredAt IS NULL
                """)
            try db.create(table: "conditionMark") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("device", onDelete: .cascade).notNull()
                t.column("condition", .text).notNull()
                t.column("note", .text).notNull().defaults(to: "")
                t.column("markedBy", .text).notNull().defaults(to: "")
                t.column("markedAt", .datetime).notNull()
            }
            try db.create(index: "conditionMark_deviceTime", on: "conditionMark", columns: ["deviceId", "markedAt"])
            try db.create(table: "observation") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("device", onDelete: .cascade).notNull()
                t.column("time", .datetime).notNull()
                t.column("up", .boolean).notNull()
                t.column("answeredBy", .text).notNull().defaults(to: "")
                t.column("rttMs", .double)
                t.column("error", .text)
                t.column("facts", .text)
            }
            try db.create(index: "observation_deviceTime", on: "observation", columns: ["deviceId", "time"])
            try db.create(index: "observation_time", on: "observation", columns: ["time"])
        }
        migrator.registerMigration("v2 probe state, state changes, availability rollups") { db in
            try db.alter(table: "device") { t in
                t.add(column: "schedule", .text)
            }
            try db.create(table: "deviceState") { t in
                t.primaryKey("deviceId", .integer).references("device", onDelete: .cascade)
                t.column("state", .text).notNull()
                t.column("since", .datetime).notNull()
                t.column("lastProbe", .datetime).notNull()
                t.column("lastUp", .boolean).notNull()
                t.column("lastAnsweredBy", .text).notNull().defaults(to: "")
                t.column("lastRttMs", .double)
                t.column("lastError", .text)
                t.column("failures", .integer).notNull().defaults(to: 0)
                t.column("firstFailureAt", .datetime)
                t.column("pendingFrom", .datetime)
                t.column("lastFacts", .text)
                t.column("lastFactsAt", .datetime)
            }
            try db.create(table: "stateChange") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("device", onDelete: .cascade).notNull()
                t.column("time", .datetime).notNull()
                t.column("from", .text)
                t.column("to", .text).notNull()
                t.column("reason", .text).notNull().defaults(to: "")
            }
            try db.create(index: "stateChange_deviceTime", on: "stateChange", columns: ["deviceId", "time"])
            // Seconds credited to each category, per device, per UTC hour and per local day.
            // The report reads days; hours serve status and partial days. Both are updated
            // incrementally as each cycle is recorded, never by rescanning observations.
            for (table, key, type) in [("availabilityHour", "hour", Database.ColumnType.integer), ("availabilityDay", "day", .text)] {
                try db.create(table: table) { t in
                    t.belongsTo("device", onDelete: .cascade).notNull()
                    t.column(key, type).notNull()
                    t.column("upSeconds", .double).notNull().defaults(to: 0)
                    t.column("downSeconds", .double).notNull().defaults(to: 0)
                    t.column("offSeconds", .double).notNull().defaults(to: 0)
                    t.column("brokenSeconds", .double).notNull().defaults(to: 0)
                    t.primaryKey(["deviceId", key])
                }
                try db.create(index: "\(table)_\(key)", on: table, columns: [key])
            }
        }
        migrator.registerMigration("v3 device roles: internet link targets") { db in
            try db.alter(table: "device") { t in
                t.add(column: "role", .text).notNull().defaults(to: DeviceRole.equipment.rawValue)
            }
        }
        migrator.registerMigration("v4 per-device poll interval") { db in
            try db.alter(table: "device") { t in
                t.add(column: "pollInterval", .double)
            }
        }
        migrator.registerMigration("v5 device uuids, change log") { db in
            try db.alter(table: "device") { t in
                t.add(column: "uuid", .text).notNull().defaults(to: "")
            }
            let fill = try db.makeStatement(sql: "UPDATE device SET uuid = ? WHERE id = ?")
            for id in try Int64.fetchAll(db, sql: "SELECT id FROM device ORDER BY id") {
                try fill.execute(arguments: [UUID().uuidString, id])
            }
            try db.create(index: "device_uuid", on: "device", columns: ["uuid"], unique: true)
            // One row per changed entry (see `StoreChange`); AUTOINCREMENT: a sequence number is never reused.
            try db.create(table: "change") { t in
                t.autoIncrementedPrimaryKey("sequence")
                t.column("entity", .text).notNull()
                t.column("entityId", .text).notNull()
                t.column("day", .text).notNull().defaults(to: "")
                t.column("kind", .text).notNull()
                t.column("time", .datetime).notNull()
                t.uniqueKey(["entity", "entityId", "day"])
            }
            // What is already there is a change a reader starting from 0 has not seen: one entry per
            // device, per device's marks, observations and per device's availability day (stamped
            // with the time of this migration, the moment those totals were last known).
            try db.execute(sql: """
                INSERT INTO "change" (entity, entityId, day, kind, time)
                SELECT 'device', uuid, '', CASE WHEN retiredAt IS NULL THEN 'added' ELSE 'retired' END,
                       COALESCE(retiredAt, createdAt)
                FROM device ORDER BY id;
                INSERT INTO "change" (entity, entityId, day, kind, time)
                SELECT 'marks', d.uuid, '', 'marked', MAX(m.markedAt)
                FROM conditionMark m JOIN device d ON d.id = m.deviceId GROUP BY d.id ORDER BY d.id;
                INSERT INTO "change" (entity, entityId, day, kind, time)
                SELECT 'observations', d.uuid, '', 'recorded', s.lastProbe
                FROM deviceState s JOIN device d ON d.id = s.deviceId ORDER BY d.id;
                INSERT INTO "change" (entity, entityId, day, kind, time)
                SELECT 'availability', d.uuid, a.day, 'credited', ?
                FROM availabilityDay a JOIN device d ON d.id = a.deviceId ORDER BY d.id, a.day;
                """, arguments: [Date().storedPrecision])
        }
        migrator.registerMigration("v6 entered dates: when a device or mark was recorded, beside when it happened") { db in
            // createdAt and markedAt keep their meaning for the report (in service since, condition
            // seen at) and may now be back-dated; enteredAt says when someone typed them. Rows made
            // before this step were entered when they happened. (ADD COLUMN needs a constant
            // default; every row is then set.)
            try db.alter(table: "device") { t in
                t.add(column: "enteredAt", .datetime).notNull().defaults(to: "1970-01-01 00:00:00.000")
            }
            try db.execute(sql: "UPDATE device SET enteredAt = createdAt")
            try db.alter(table: "conditionMark") { t in
                t.add(column: "enteredAt", .datetime).notNull().defaults(to: "1970-01-01 00:00:00.000")
            }
            try db.execute(sql: "UPDATE conditionMark SET enteredAt = markedAt")
        }
        migrator.registerMigration("v7 device edits: what `devices edit` changed, for the history") { db in
            try db.create(table: "deviceEdit") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("device", onDelete: .cascade).notNull()
                t.column("time", .datetime).notNull()
                t.column("editedBy", .text).notNull()
                t.column("changes", .text).notNull()
            }
        }
        registerIdentity(in: &migrator)
        registerDiscoveryAttention(in: &migrator)
        registerSyncMigrations(in: &migrator)
        // The web page's tables, after every store migration above.
        WebSchema.register(in: &migrator)
        // The report's coverage and sync ask, hour by hour, the most any device was observed
        // (`InventoryStore.observedSeconds`): an index on the hour and that sum answers each hour with one
        // lookup. It replaces sync-v2's covering index, which served a scan of every device's hours.
        migrator.registerMigration("coverage-v1-observed-index") { db in
            try db.execute(sql: """
                CREATE INDEX availabilityHour_observed
                ON availabilityHour(hour, upSeconds + downSeconds + offSeconds + brokenSeconds)
                """)
            try db.execute(sql: "DROP INDEX IF EXISTS availabilityHour_coverage")
        }
        return migrator
    }
}
