import GRDB

extension ChangeWriter {
    // Accounts are not device data: nothing to stamp in the change log (a sync never carries them).

    /// Inserts a new account.
    mutating func addUser(_ user: WebUser) throws {
        try user.insert(db)
    }

    /// Replaces an account's password hash.
    mutating func setPassword(of user: WebUser) throws {
        try user.update(db)
    }

    /// Deletes an account; marks it made keep its name.
    mutating func removeUser(_ user: WebUser) throws {
        _ = try user.delete(db)
    }
}
