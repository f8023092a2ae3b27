import Foundation
import GRDB

/// Reads a database the daemon writes, from the test's side.
enum DatabaseProbe {
    static func count(_ path: String, _ sql: String = "SELECT COUNT(*) FROM observation", _ arguments: StatementArguments = []) throws -> Int {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { try Int.fetchOne($0, sql: sql, arguments: arguments) ?? 0 }
    }
}
