import Foundation
import GRDB
@testable import Inventory
import Testing
import TestSupport

@Suite("Schema migrations")
struct MigrationTests {
    @Test("an empty file gets every migration and the folder is created")
    func emptyDatabase() throws {
        let folder = TemporaryDirectory()
        let path = folder.path("new/sub/kiemke.sqlite")
        let store = try InventoryStore(path: path)
        let applied = try DatabaseQueue(path: path).read { try InventorySchema.migrator.appliedIdentifiers($0) }
        #expect(applied == Set(InventorySchema.migrator.migrations))
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try store.connectionPragma("journal_mode") == "wal")
        #expect(try store.connectionPragma("foreign_keys") == "1")
    }

    @Test("a database left at each older schema step is brought up to date with its data kept")
    func oldDatabase() throws {
        let migrations = InventorySchema.migrator.migrations
        // The last step is today's schema, not an older one; its rows come from the store (with a uuid).
        for step in migrations.dropLast() {
            let folder = TemporaryDirectory()
            let path = folder.path("old.sqlite")
            do {
                let queue = try DatabaseQueue(path: path)
                try InventorySchema.migrator.migrate(queue, upTo: step)
                try queue.write { db in
                    try db.execute(sql: """
                        INSERT INTO device (name, nameKey, kind, address, createdAt) VALUES ('PC-01', 'pc-01', 'computer', '127.0.0.1', '2023-01-01 00:00:00.000')
                        """)
                }
            }
            let store = try InventoryStore(path: path)
            let applied = try DatabaseQueue(path: path).read { try InventorySchema.migrator.appliedIdentifiers($0) }
            #expect(applied == Set(migrations), "from step \(step)")
            #expect(try store.devices().map(\.name) == ["PC-01"], "from step \(step)")
        }
    }

    @Test("a database written by a newer kiemke is refused, and left untouched")
    func newerDatabase() throws {
        let folder = TemporaryDirectory()
        let path = folder.path("newer.sqlite")
        _ = try InventoryStore(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99 from the future')")
        }
        try queue.close()
        #expect {
            _ = try InventoryStore(path: path)
        } throws: { error in
            guard let error = error as? InventoryError, case .newerDatabase(_, let unknown) = error else { return false }
            return unknown == ["v99 from the future"] && error.description.contains("newer kiemke")
        }
    }

    @Test("a folder that cannot be created gives a message naming it")
    func uncreatableFolder() throws {
        let folder = TemporaryDirectory()
        let blocker = try folder.write("file", "not a folder")
        #expect {
            _ = try InventoryStore(path: blocker.path + "/db/kiemke.sqlite")
        } throws: { error in
            guard let error = error as? InventoryError, case .cannotCreateFolder(let path, _) = error else { return false }
            return path == blocker.path + "/db"
        }
    }
}
