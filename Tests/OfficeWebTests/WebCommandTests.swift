import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Hummingbird
import HummingbirdTesting
import Inventory
import Testing
import TestSupport

/// `kiemke users` and `kiemke web` as a user runs them: the built binary, a real database, a real socket.
@Suite struct WebCommandTests {
    /// Runs kiemke with `input` on standard input.
    static func run(_ arguments: [String], input: String = "") throws -> (status: Int32, out: String, err: String) {
        let binary = try #require(KiemkeProcess.binary)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile(), err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    @Test func usersAddListPasswdRemove() throws {
        guard KiemkeProcess.binary != nil else { return }
        let folder = TemporaryDirectory()
        let db = folder.path("kiemke.sqlite")
        let added = try Self.run(["users", "add", "Lan", "--role", "clerk", "--password-stdin", "--db", db], input: "mat-khau-cua-lan\n")
        #expect(added.status == 0, "\(added.err)")
        let again = try Self.run(["users", "add", "lan", "--role", "admin", "--password-stdin", "--db", db], input: "mat-khau-cua-lan\n")
        #expect(again.status == 2 && again.err.contains("already an account"))
        let short = try Self.run(["users", "add", "An", "--role", "admin", "--password-stdin", "--db", db], input: "short\n")
        #expect(short.status == 2 && short.err.contains("shorter than 8"))
        let badRole = try Self.run(["users", "add", "An", "--role", "boss", "--password-stdin", "--db", db], input: "mat-khau-cua-an\n")
        #expect(badRole.status == 2)
        let list = try Self.run(["users", "list", "--db", db])
        #expect(list.status == 0 && list.out.contains("Lan") && list.out.contains("clerk") && !list.out.contains("mat-khau"))
        let store = try InventoryStore(path: db, readonly: true)
        let user = try #require(try store.webUser(named: "lan"))
        #expect(user.passwordHash.hasPrefix("$2") && !user.passwordHash.contains("mat-khau"))
        #expect(try Self.run(["users", "passwd", "lan", "--password-stdin", "--db", db], input: "mat-khau-moi-1\n").status == 0)
        #expect(try Self.run(["users", "passwd", "nobody", "--password-stdin", "--db", db], input: "mat-khau-moi-1\n").status == 2)
        #expect(try Self.run(["users", "remove", "lan", "--db", db]).status == 0)
        #expect(try Self.run(["users", "remove", "lan", "--db", db]).status == 2)
    }

    @Test func webServesTheDatabaseUntilSIGTERM() async throws {
        guard let binary = KiemkeProcess.binary else { return }
        let folder = TemporaryDirectory()
        let db = folder.path("kiemke.sqlite")
        let csv = try folder.write("d.csv", "name,kind,address\nMáy photo 1,copier,127.0.0.5\n")
        #expect(try Self.run(["devices", "import", csv.path, "--db", db]).status == 0)
        let port = Int.random(in: 20_000...40_000)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["web", "--listen", "127.0.0.1:\(port)", "--db", db]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        var body = ""
        for _ in 0..<100 {
            if let (data, _) = try? await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/")!) {
                body = String(decoding: data, as: UTF8.self)
                break
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(body.contains("Máy photo 1"))
        let (health, _) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/healthz")!)
        #expect(String(decoding: health, as: UTF8.self).hasPrefix("ok"))
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!process.isRunning, "kiemke web stops within 10 s of SIGTERM")
    }

    @Test(arguments: [("--listen", "8080"), ("--listen", "localhost:8080"), ("--listen", "127.0.0.1:99999")])
    func badListenIsAUsageError(_ flag: String, _ value: String) throws {
        guard KiemkeProcess.binary != nil else { return }
        let result = try Self.run(["web", flag, value, "--db", "/nonexistent/kiemke.sqlite"])
        #expect(result.status == 2, "\(result.err)")
    }

    @Test func metricsPassPromtool() async throws {
        let promtool = ["/usr/bin/promtool", "/usr/local/bin/promtool"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let promtool else {
            print("skipped: promtool is not installed (Debian package prometheus; scripts/install-deps installs it)")
            return
        }
        let fixture = try WebFixture()
        let text = try await fixture.application.test(.router) { client in
            String(buffer: try await client.execute(uri: "/metrics", method: .get).body)
        }
        let file = try fixture.folder.write("metrics.txt", text)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\"$0\" check metrics < \"$1\"", promtool, file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(said)")
    }
}
