import Foundation
import Logging
import PostgresNIO

/// One connection to the province database, every call under a deadline: a half-open link or a
/// stuck server ends in `ProvinceError.timedOut` (and a closed connection), never a hang.
public struct ProvinceConnection: Sendable {
    /// How long each kind of call may take.
    public struct Deadlines: Sendable, Equatable {
        public var connect: Double
        public var statement: Double

        public init(connect: Double = 10, statement: Double = 30) {
            self.connect = connect
            self.statement = statement
        }
    }

    public let url: ProvinceURL
    let connection: PostgresConnection
    let logger: Logger
    let deadlines: Deadlines

    /// Connects as `url` says (with `password` from the secrets file, when given), in UTC, with the
    /// server's own statement timeout set a little beyond ours as a second guard.
    public static func connect(_ url: ProvinceURL, password: String? = nil, deadlines: Deadlines = Deadlines(),
                               logger: Logger) async throws -> ProvinceConnection {
        let configuration = try url.configuration(password: password, connectTimeout: deadlines.connect)
        let connection: PostgresConnection
        do {
            // A connect that gets its socket but never an answer to its startup (a half-open link)
            // is left behind, not waited for; should it still succeed, it is closed.
            connection = try await Deadline.race(deadlines.connect, what: "the connection",
                                                 onLateValue: { late in try? await late.close() }) {
                try await PostgresConnection.connect(configuration: configuration, id: Int.random(in: 1...Int(Int32.max)), logger: logger)
            }
        } catch let error as ProvinceError {
            throw error
        } catch {
            throw describe(error, url: url, what: "the connection")
        }
        let result = ProvinceConnection(url: url, connection: connection, logger: logger, deadlines: deadlines)
        let serverTimeout = Int(deadlines.statement * 1000) + 1000
        try await result.execute("SET TIME ZONE 'UTC'", what: "the session settings")
        try await result.execute(PostgresQuery(unsafeSQL: "SET statement_timeout = \(serverTimeout)"), what: "the session settings")
        // A commune that vanished mid-transaction (a half-open link) would otherwise leave its
        // session idle in the transaction, holding its office row, until TCP gives up hours later:
        // the server rolls it back instead, and the commune's next round is not blocked.
        try await result.execute(PostgresQuery(unsafeSQL: "SET idle_in_transaction_session_timeout = \(serverTimeout)"),
                                 what: "the session settings")
        return result
    }

    /// Closes the connection; never throws (it may already be gone).
    public func close() async {
        try? await connection.close()
    }

    /// Starts closing the connection without waiting (a deadline passed): the call in flight ends with an error.
    public func closeNow() {
        _ = connection.close() as EventLoopFuture<Void>
    }

    /// Runs `query` and returns its rows, within the statement deadline.
    @discardableResult
    public func rows(_ query: PostgresQuery, what: String) async throws -> [PostgresRow] {
        let connection = self.connection, logger = self.logger
        do {
            return try await Deadline.race(deadlines.statement, what: what, onTimeout: { _ = connection.close() as EventLoopFuture<Void> }) {
                var rows: [PostgresRow] = []
                for try await row in try await connection.query(query, logger: logger) { rows.append(row) }
                return rows
            }
        } catch let error as ProvinceError {
            throw error
        } catch {
            throw Self.describe(error, url: url, what: what)
        }
    }

    /// Runs `query`, discarding any rows.
    public func execute(_ query: PostgresQuery, what: String) async throws {
        try await rows(query, what: what)
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    public func transaction<T: Sendable>(_ body: (ProvinceConnection) async throws -> T) async throws -> T {
        try await execute("BEGIN", what: "the start of a transaction")
        let value: T
        do {
            value = try await body(self)
        } catch {
            try? await execute("ROLLBACK", what: "a rollback")
            throw error
        }
        try await execute("COMMIT", what: "the commit")
        return value
    }

    /// A PostgresNIO error as a message about the province database.
    static func describe(_ error: any Error, url: ProvinceURL, what: String) -> ProvinceError {
        if let error = error as? ProvinceError { return error }
        if let transaction = error as? PostgresTransactionError {
            if let inner = transaction.closureError ?? transaction.beginError ?? transaction.commitError {
                return describe(inner, url: url, what: what)
            }
        }
        if let error = error as? PSQLError {
            if let info = error.serverInfo, let message = info[.message] {
                let state = info[.sqlState] ?? ""
                if state.hasPrefix("28") { return .loginRefused(server: url.server, user: url.user, reason: message) }
                if state == "3D000" { return .unreachable(server: url.server, reason: message) }
                if state == "57014" { return .refused(what: what, message: "the server cancelled it after its statement timeout") }
                return .refused(what: what, message: message + (info[.detail].map { " (\($0))" } ?? ""))
            }
            switch error.code {
            case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
                let underlying = error.underlying.map { "\($0)" } ?? "the connection was closed"
                return .unreachable(server: url.server, reason: underlying)
            case .sslUnsupported:
                return .unreachable(server: url.server, reason: "the server does not offer TLS, which sslmode=\(url.sslMode.rawValue) requires")
            case .authMechanismRequiresPassword:
                return .loginRefused(server: url.server, user: url.user, reason: "it asks for a password and none was given")
            default:
                return .unreachable(server: url.server, reason: "\(error.code)")
            }
        }
        return .unreachable(server: url.server, reason: "\(error)")
    }
}
