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
                    // From v5 on a device row has its uuid, as the store writes it.
                    if try db.columns(in: "device").contains(where: { $0.name == "uuid" }) {
                        try db.execute(sql: "UPDATE device SET uuid = ?", arguments: [UUID().uuidString])
                    }
                }
            }
            let store = try InventoryStore(path: path)
            let applied = try DatabaseQueue(path: path).read { try InventorySchema.migrator.appliedIdentifiers($0) }
            #expect(applied == Set(migrations), "from step \(step)")
            #expect(try store.devices().map(\.name) == ["PC-01"], "from step \(step)")
        }
    }

    @Test("v6: devices and marks made before it were entered when they happened")
    func enteredDates() throws {
        let folder = TemporaryDirectory()
        let path = folder.path("v5.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try InventorySchema.migrator.migrate(queue, upTo: "v5 device uuids, change log")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO device (name, nameKey, kind, address, createdAt, uuid) VALUES ('PC-01', 'pc-01', 'computer', '', '2023-01-01 00:00:00.000', ?);
                    INSERT INTO conditionMark (deviceId, condition, markedAt) VALUES (1, 'good', '2023-01-01 00:00:00.000'), (1, 'broken', '2023-03-15 09:30:00.000');
                    """, arguments: [UUID().uuidString])
            }
        }
        let store = try InventoryStore(path: path)
        let device = try store.device(named: "PC-01")
        #expect(device.enteredAt == device.createdAt)
        let marks = try store.marks(of: device)
        #expect(marks.count == 2)
        #expect(marks.allSatisfy { $0.enteredAt == $0.markedAt })
    }

    @Test("a read-only store never creates a file or folder, refuses a folder, and upgrades an older schema it may write")
    func readOnly() throws {
        let folder = TemporaryDirectory()
        let missing = folder.path("none/kiemke.sqlite")
        #expect(throws: InventoryError.missingDatabase(path: missing)) { _ = try InventoryStore(path: missing, readonly: true) }
        #expect(!FileManager.default.fileExists(atPath: folder.path("none")))
        #expect(throws: InventoryError.databaseIsFolder(path: folder.url.path)) { _ = try InventoryStore(path: folder.url.path, readonly: true) }
        #expect(throws: InventoryError.databaseIsFolder(path: folder.url.path)) { _ = try InventoryStore(path: folder.url.path) }

        let path = folder.path("v4.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try InventorySchema.migrator.migrate(queue, upTo: "v4 per-device poll interval")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO device (name, nameKey, kind, address, createdAt) VALUES ('PC-01', 'pc-01', 'computer', '', '2023-01-01 00:00:00.000')
                    """)
            }
        }
        let store = try InventoryStore(path: path, readonly: true)
        #expect(try store.devices().map(\.name) == ["PC-01"])
        let applied = try DatabaseQueue(path: path).read { try InventorySchema.migrator.appliedIdentifiers($0) }
        #expect(applied == Set(InventorySchema.migrator.migrations))
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
