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
        return migrator
    }
}
