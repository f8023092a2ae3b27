import Foundation
import PostgresNIO

/// The province's offices: each one a row and a PostgreSQL role that can write only its rows.
public enum ProvinceOffices {
    /// The role of office `code`: "kiemke_" and the code in lower case.
    public static func roleName(code: String) -> String { "kiemke_" + code.lowercased() }

    /// Checks a code can name a role: 1 to 40 ASCII letters, digits or _.
    public static func check(code: String) throws(ProvinceError) {
        guard (1...40).contains(code.count), code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            throw .badOfficeCode(code)
        }
    }

    /// Creates office `code` named `name` and its login role with `password`; for an existing
    /// office, renames it and sets the new password. One transaction: all or nothing.
    public static func add(code: String, name: String, password: String, on connection: ProvinceConnection) async throws {
        try check(code: code)
        _ = try await ProvinceSchema.version(connection)
        let role = roleName(code: code)
        // CREATE ROLE takes no parameters: the role is checked above, the password quoted here.
        let quoted = "'" + password.replacingOccurrences(of: "'", with: "''") + "'"
        try await connection.transaction { c in
            let exists = try await c.rows("SELECT 1 FROM pg_roles WHERE rolname = \(role)", what: "the role check")
            let verb = exists.isEmpty ? "CREATE" : "ALTER"
            try await c.execute(PostgresQuery(unsafeSQL: "\(verb) ROLE \(role) LOGIN PASSWORD \(quoted)"),
                                what: "the role \(role)")
            try await c.execute(PostgresQuery(unsafeSQL: "GRANT \(ProvinceSchema.communeGroup) TO \(role)"),
                                what: "the role \(role)")
            try await c.execute("""
                INSERT INTO office (code, name, role_name) VALUES (\(code), \(name), \(role))
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, role_name = EXCLUDED.role_name
                """, what: "the office \(code)")
        }
    }
}
