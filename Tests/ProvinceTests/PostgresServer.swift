import Foundation
import TestSupport

/// A real PostgreSQL 15 (Debian's) started for one test in a temporary folder, by `initdb` and
/// `pg_ctl`, as an unprivileged user (PostgreSQL refuses to run as root: `runuser -u nobody`),
/// listening on 127.0.0.1 at a private port and on a unix socket in the folder.
final class PostgresServer: Sendable {
    static let bin = "/usr/lib/postgresql/15/bin"
    static let superuser = "postgres"
    static let superuserPassword = "quản-trị-tỉnh"

    /// Why PostgreSQL tests cannot run here; nil when they can.
    static var missing: String? {
        FileManager.default.isExecutableFile(atPath: bin + "/initdb")
            ? nil : "PostgreSQL 15 is not installed (\(bin)/initdb); scripts/install-deps installs it"
    }

    let folder = TemporaryDirectory()
    let port: Int
    var dataDirectory: String { folder.path("data") }

    /// The network namespace it runs in (nil: the test's own).
    let namespace: String?
    /// Addresses it listens on, besides 127.0.0.1.
    let extraAddresses: [String]

    private init(namespace: String?, extraAddresses: [String]) {
        port = Int.random(in: 20_000...60_000)
        self.namespace = namespace
        self.extraAddresses = extraAddresses
    }

    /// Creates the cluster and starts the server, in network namespace `namespace` (a test bed's
    /// office) listening on `extraAddresses` too, when given.
    static func start(namespace: String? = nil, extraAddresses: [String] = []) async throws -> PostgresServer {
        let server = PostgresServer(namespace: namespace, extraAddresses: extraAddresses)
        try await server.create()
        try await server.start()
        return server
    }

    private func create() async throws {
        if getuid() == 0 { try await ChildProcess.run("/bin/chown", ["nobody", folder.url.path], seconds: 30) }
        try folder.write("pw", Self.superuserPassword + "\n")
        if getuid() == 0 { try await ChildProcess.run("/bin/chown", ["nobody", folder.path("pw")], seconds: 30) }
        try await runAsServerUser(Self.bin + "/initdb", ["-D", dataDirectory, "-U", Self.superuser, "--pwfile", folder.path("pw"),
                                                   "--auth-host=scram-sha-256", "--auth-local=scram-sha-256", "-E", "UTF8",
                                                   "--locale=C.UTF-8"], seconds: 180)
        if !extraAddresses.isEmpty {
            // Logins from the test bed's prober too (initdb allows only loopback).
            let hba = URL(fileURLWithPath: dataDirectory + "/pg_hba.conf")
            let handle = try FileHandle(forWritingTo: hba)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("host all all 198.18.0.0/15 scram-sha-256\n".utf8))
            try handle.close()
        }
    }

    func start() async throws {
        try await runAsServerUser(Self.bin + "/pg_ctl", ["-D", dataDirectory, "-l", folder.path("log"), "-w", "-t", "60", "-o",
                                                   "-p \(port) -k \(folder.url.path) -c listen_addresses=\((["127.0.0.1"] + extraAddresses).joined(separator: ",")) -c fsync=off -c max_connections=200",
                                                   "start"], seconds: 120)
    }

    /// Stops the server at once (`-m immediate`: as a crash or a pulled cable would).
    func stop() async throws {
        try await runAsServerUser(Self.bin + "/pg_ctl", ["-D", dataDirectory, "-m", "immediate", "-w", "-t", "60", "stop"], seconds: 90)
    }

    /// The superuser's URL.
    var adminURL: String { url(user: Self.superuser, password: Self.superuserPassword) }

    func url(user: String, password: String, database: String = "postgres", host: String = "127.0.0.1") -> String {
        let encoded = password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? password
        return "postgres://\(user):\(encoded)@\(host):\(port)/\(database)?sslmode=disable"
    }

    deinit {
        // An immediate shutdown of the postmaster, whose pid is the first line of postmaster.pid.
        if let text = try? String(contentsOfFile: dataDirectory + "/postmaster.pid", encoding: .utf8),
           let line = text.split(separator: "\n").first, let pid = Int32(line) {
            kill(pid, SIGQUIT)
        }
    }

    /// Runs a PostgreSQL program as the server's user, within `seconds` (see `ChildProcess`).
    private func runAsServerUser(_ program: String, _ arguments: [String], seconds: Double) async throws {
        if let namespace {
            try await ChildProcess.run("/usr/sbin/ip", ["netns", "exec", namespace, "/usr/sbin/runuser", "-u", "nobody", "--", program] + arguments,
                                       directory: folder.url.path, seconds: seconds)
        } else if getuid() == 0 {
            try await ChildProcess.run("/usr/sbin/runuser", ["-u", "nobody", "--", program] + arguments,
                                       directory: folder.url.path, seconds: seconds)
        } else {
            try await ChildProcess.run(program, arguments, directory: folder.url.path, seconds: seconds)
        }
    }
}
