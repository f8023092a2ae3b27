import GRDB

/// The web page's tables, in migrations of their own (prefixed "web-") registered after the store's.
enum WebSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("web-v1-users") { db in
            try db.create(table: "webUser") { t in
                t.primaryKey("nameKey", .text)
                t.column("name", .text).notNull()
                t.column("role", .text).notNull()
                t.column("passwordHash", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("passwordChangedAt", .datetime).notNull()
            }
        }
    }
}
