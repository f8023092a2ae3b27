import Foundation
import PostgresNIO

/// A checked postgres:// URL: where the province database is and how to log in, with libpq's
/// `sslmode` (disable, allow, prefer, require, verify-ca, verify-full), `sslrootcert`,
/// `sslcert`/`sslkey` (a client certificate) and `host=/dir` (a unix socket directory).
public struct ProvinceURL: Sendable, CustomStringConvertible {
    public enum SSLMode: String, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    /// A unix socket's directory (`?host=/run/postgresql`), used instead of TCP.
    public var socketDirectory: String?
    public var user: String
    public var password: String?
    public var database: String
    public var sslMode: SSLMode
    public var rootCertificate: String?
    public var clientCertificate: String?
    public var clientKey: String?

    /// Parses `text`; a password in it is kept, never printed (`description` leaves it out).
    public init(_ text: String) throws(ProvinceError) {
        let shown = Self.withoutPassword(text)
        guard let components = URLComponents(string: text), let scheme = components.scheme,
              scheme == "postgres" || scheme == "postgresql" else {
            throw .badURL(shown, reason: "it must start with postgres://")
        }
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] { query[item.name] = item.value ?? "" }
        socketDirectory = query["host"].flatMap { $0.hasPrefix("/") ? $0 : nil }
        host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? (socketDirectory == nil ? "" : "localhost")
        guard !host.isEmpty else { throw .badURL(shown, reason: "it names no host") }
        port = components.port ?? 5432
        guard (1...65_535).contains(port) else { throw .badURL(shown, reason: "port \(port) is not 1 to 65535") }
        guard let user = components.user?.removingPercentEncoding, !user.isEmpty else {
            throw .badURL(shown, reason: "it names no user (postgres://USER@HOST/DATABASE)")
        }
        self.user = user
        password = components.password?.removingPercentEncoding
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.removingPercentEncoding ?? path
        guard !database.isEmpty else { throw .badURL(shown, reason: "it names no database (…/DATABASE at the end)") }
        let mode = query["sslmode"] ?? "prefer"
        guard let sslMode = SSLMode(rawValue: mode) else {
            throw .badURL(shown, reason: "sslmode \"\(mode)\" is not one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.sslMode = sslMode
        rootCertificate = query["sslrootcert"]
        clientCertificate = query["sslcert"]
        clientKey = query["sslkey"]
        let known: Set<String> = ["host", "sslmode", "sslrootcert", "sslcert", "sslkey"]
        if let unknown = query.keys.sorted().first(where: { !known.contains($0) }) {
            throw .badURL(shown, reason: "\"\(unknown)\" is not a parameter kiemke knows (\(known.sorted().joined(separator: ", ")))")
        }
    }

    /// The server as messages name it: user@host:port/database, never the password.
    public var description: String {
        "\(user)@\(socketDirectory ?? host):\(port)/\(database)"
    }

    /// The server part of `description`.
    public var server: String { "\(socketDirectory ?? host):\(port)/\(database)" }

    /// The URL with the password replaced by `***`, for messages about URLs that did not parse.
    static func withoutPassword(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@"), let scheme = text.range(of: "://"), scheme.upperBound < at else { return text }
        let credentials = text[scheme.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }

    /// PostgresNIO's configuration; `password` (from the secrets file) wins over one in the URL.
    func configuration(password override: String?, connectTimeout: Double) throws(ProvinceError) -> PostgresConnection.Configuration {
        let password = override ?? self.password
        var configuration: PostgresConnection.Configuration
        if let socketDirectory {
            configuration = .init(unixSocketPath: socketDirectory + "/.s.PGSQL.\(port)", username: user,
                                  password: password, database: database)
        } else {
            configuration = .init(host: host, port: port, username: user, password: password, database: database,
                                  tls: try tls())
        }
        configuration.options.connectTimeout = .milliseconds(Int64(connectTimeout * 1000))
        return configuration
    }

    private func tls() throws(ProvinceError) -> PostgresConnection.Configuration.TLS {
        if sslMode == .disable { return .disable }
        var tls = TLSConfiguration.makeClientConfiguration()
        switch sslMode {
        case .disable, .allow, .prefer, .require: tls.certificateVerification = .none
        case .verifyCA: tls.certificateVerification = .noHostnameVerification
        case .verifyFull: tls.certificateVerification = .fullVerification
        }
        do {
            if let rootCertificate { tls.trustRoots = .file(rootCertificate) }
            if let clientCertificate {
                tls.certificateChain = try NIOSSLCertificate.fromPEMFile(clientCertificate).map { .certificate($0) }
            }
            if let clientKey { tls.privateKey = .privateKey(try NIOSSLPrivateKey(file: clientKey, format: .pem)) }
            let context = try NIOSSLContext(configuration: tls)
            return sslMode == .allow || sslMode == .prefer ? .prefer(context) : .require(context)
        } catch {
            throw .badURL(description, reason: "its certificates could not be read (\(error))")
        }
    }
}
