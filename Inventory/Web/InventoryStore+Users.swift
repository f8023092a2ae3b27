import Foundation
import GRDB
import KiemkeCore

extension InventoryStore {
    /// Every web account, by name.
    public func webUsers() throws -> [WebUser] {
        try database.read { db in try WebUser.order(WebUser.Columns.nameKey).fetchAll(db) }
    }

    /// The account called `name` (case and diacritics ignored), or nil.
    public func webUser(named name: String) throws -> WebUser? {
        try database.read { db in try WebUser.filter(WebUser.Columns.nameKey == NameKey.fold(name)).fetchOne(db) }
    }

    /// Adds an account with an already hashed password.
    public func addWebUser(named name: String, role: WebRole, passwordHash: String, now: Date = Date()) throws -> WebUser {
        let clean = NameKey.clean(name)
        if let problem = Self.accountNameProblem(clean) { throw WebUserError.badName(name, reason: problem) }
        return try write { writer in
            if try WebUser.filter(WebUser.Columns.nameKey == NameKey.fold(clean)).fetchOne(writer.db) != nil {
                throw WebUserError.exists(clean)
            }
            let user = WebUser(name: clean, nameKey: NameKey.fold(clean), role: role, passwordHash: passwordHash,
                               createdAt: now, passwordChangedAt: now)
            try writer.addUser(user)
            return user
        }
    }

    /// Replaces an account's password hash.
    @discardableResult
    public func setWebPassword(named name: String, passwordHash: String, now: Date = Date()) throws -> WebUser {
        try write { writer in
            var user = try Self.webUser(named: name, in: writer.db)
            user.passwordHash = passwordHash
            user.passwordChangedAt = now.storedPrecision
            try writer.setPassword(of: user)
            return user
        }
    }

    /// Removes an account.
    @discardableResult
    public func removeWebUser(named name: String) throws -> WebUser {
        try write { writer in
            let user = try Self.webUser(named: name, in: writer.db)
            try writer.removeUser(user)
            return user
        }
    }

    static func webUser(named name: String, in db: Database) throws -> WebUser {
        if let user = try WebUser.filter(WebUser.Columns.nameKey == NameKey.fold(name)).fetchOne(db) { return user }
        throw WebUserError.notFound(name, known: try String.fetchAll(db, sql: "SELECT name FROM webUser ORDER BY nameKey"))
    }

    /// Why `name` cannot be an account's name, or nil: 1 to 64 characters, one line, no controls.
    public static func accountNameProblem(_ name: String) -> String? {
        if name.isEmpty { return "it is empty" }
        if name.count > 64 { return "it is longer than 64 characters" }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }) {
            return "it holds control or formatting characters"
        }
        return nil
    }
}
