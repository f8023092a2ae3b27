import HummingbirdBcrypt

/// Passwords of web accounts: checked for length, hashed with bcrypt (cost 12), never kept or logged.
public enum WebPassword {
    /// Why `password` cannot be used, or nil: 8 characters at least; bcrypt reads 72 bytes at most.
    public static func problem(_ password: String) -> String? {
        if password.count < 8 { return "the password is shorter than 8 characters" }
        if password.utf8.count > 72 { return "the password is longer than 72 bytes, which bcrypt cannot use whole" }
        if password.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "the password holds a control character"
        }
        return nil
    }

    /// The bcrypt hash to store.
    public static func hash(_ password: String, cost: UInt8 = 12) -> String {
        Bcrypt.hash(password, cost: cost)
    }
}
