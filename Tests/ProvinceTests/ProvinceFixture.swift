import Foundation
import Inventory
import Logging
import ProvinceStore
import ProvinceSync

/// A real PostgreSQL with the central schema and some offices, each with its role's password.
struct ProvinceFixture {
    let server: PostgresServer
    let logger = Logger(label: "test.province")

    init(offices: [String]) async throws {
        server = try await PostgresServer.start()
        let admin = try await adminConnection()
        try await ProvinceSchema.migrate(admin)
        for code in offices {
            try await ProvinceOffices.add(code: code, name: "Xã \(code)", password: Self.password(code), on: admin)
        }
        await admin.close()
    }

    static func password(_ code: String) -> String { "mật-khẩu-\(code)'\"" }

    func adminConnection() async throws -> ProvinceConnection {
        try await ProvinceConnection.connect(try ProvinceURL(server.adminURL), logger: logger)
    }

    func communeURL(_ code: String) -> String {
        server.url(user: ProvinceOffices.roleName(code: code), password: Self.password(code))
    }

    func connection(as code: String) async throws -> ProvinceConnection {
        try await ProvinceConnection.connect(try ProvinceURL(communeURL(code)), logger: logger)
    }

    /// Sync settings for `commune` writing as office `code` (with `credentials`' role, default its own).
    func settings(code: String, office: String, credentials: String? = nil, batchSize: Int = 2_000) throws -> SyncSettings {
        SyncSettings(url: try ProvinceURL(communeURL(credentials ?? code)), password: nil,
                     office: CommuneUpload.Office(code: code, name: office,
                                                  profile: OfficeProfile(reportName: office, hours: CommuneHistory.hours,
                                                                         readiness: CommuneHistory.readiness)),
                     hours: CommuneHistory.hours, batchSize: batchSize,
                     deadlines: .init(connect: 10, statement: 30), roundDeadline: 120)
    }

    /// How many rows of `table` office `code` has, read as the superuser.
    func count(_ table: String, office code: String) async throws -> Int {
        let admin = try await adminConnection()
        defer { Task { await admin.close() } }
        let rows = try await admin.rows(PostgresQuery(unsafeSQL: "SELECT COUNT(*)::int8 FROM \(table) WHERE office = '\(code)'"), what: "count")
        return Int(try rows.first?.decode(Int64.self) ?? -1)
    }
}

import PostgresNIO
