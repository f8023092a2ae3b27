import Foundation
import Testing
import TestSupport

/// The commands that only read: they never create a database and open it read-only.
private let readOnlyCommands: [[String]] = [
    ["report"], ["status"], ["devices", "list"], ["devices", "show", "PC-01"], ["history", "PC-01"],
]

/// Runs as `nobody` when root (root passes every permission check, which would hide the problem).
private struct Unprivileged {
    static let isRoot = getuid() == 0
    static let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")

    /// Why the test cannot run as an unprivileged user, or nil.
    static var unavailable: String? {
        guard let binary = KiemkeProcess.binary else { return "the kiemke binary is not built" }
        if !isRoot { return nil }
        guard FileManager.default.isExecutableFile(atPath: setpriv.path) else { return "needs /usr/bin/setpriv to drop root" }
        // Every folder on the way to the binary must let `nobody` through.
        var folder = binary.deletingLastPathComponent()
        while folder.path != "/" {
            let mode = (try? FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int) ?? 0
            if mode & 0o001 == 0 { return "nobody cannot reach the binary (\(folder.path) is not searchable by others)" }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    static func run(_ arguments: [String]) async throws -> KiemkeProcess.Outcome {
        guard isRoot, let binary = KiemkeProcess.binary else { return try await KiemkeProcess.run(arguments) }
        return try await KiemkeProcess.run(setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path] + arguments)
    }
}

@Suite("CLI: which database a command opens, and how", .enabled(if: CLI.available, "the kiemke binary is not built; run `swift build` first"))
struct DatabasePathTests {
    @Test("--db \"\" is a usage error, before or after the command", arguments: [
        ["devices", "list", "--db", ""], ["--db", "", "status"], ["mark", "PC-01", "good", "--db="],
        ["devices", "import", "x.csv", "--db", "  "],
    ])
    func emptyPath(arguments: [String]) async throws {
        let cli = CLI()
        let outcome = try await cli.run(arguments)
        #expect(outcome.status == 2, "\(outcome.stderr)")
        // `--db=` never reaches kiemke: the argument parser itself says the value is missing.
        #expect(outcome.stderr.contains("--db is empty") || outcome.stderr.contains("Missing value for '--db"), "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.database), "KIEMKE_DB was not used instead")
    }

    @Test("a read-only command, mark or remove on a missing database exits 1 naming it and how to create it, and creates nothing",
          arguments: readOnlyCommands + [["mark", "PC-01", "good"], ["devices", "remove", "PC-01"]])
    func missingDatabase(command: [String]) async throws {
        let cli = CLI()
        let path = cli.folder.path("missing/kiemke.sqlite")
        let outcome = try await KiemkeProcess.run(command + ["--db", path])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("there is no database at \(path)"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("kiemke devices import FILE"), "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.folder.path("missing")), "no folder created")

        // The same through KIEMKE_DB, with the folder present: still no file.
        try FileManager.default.createDirectory(atPath: cli.folder.path("missing"), withIntermediateDirectories: true)
        let viaEnvironment = try await KiemkeProcess.run(command, environment: ["KIEMKE_DB": path])
        #expect(viaEnvironment.status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.folder.path("missing")).isEmpty)
    }

    @Test("a folder given as the database exits 2 naming it, for reading and writing commands",
          arguments: readOnlyCommands + [["devices", "add", "PC-01", "--kind", "computer"], ["mark", "PC-01", "good"]])
    func folderAsDatabase(command: [String]) async throws {
        let cli = CLI()
        let outcome = try await KiemkeProcess.run(command + ["--db", cli.folder.url.path])
        #expect(outcome.status == 2, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("the database path \(cli.folder.url.path) is a folder"), "\(outcome.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.folder.url.path).isEmpty)
    }

    @Test("read-only commands work on a 0444 database in a 0555 folder, as a user who cannot write either",
          .enabled(if: Unprivileged.unavailable == nil, "\(Unprivileged.unavailable ?? "")"))
    func readOnlyDatabase() async throws {
        let cli = CLI()
        let folder = cli.folder.path("office")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/kiemke.sqlite"
        try cli.folder.write("list.csv", "name,kind,address,location,condition\nPC-01,computer,127.0.0.1,Văn phòng,fair\n")
        #expect(try await KiemkeProcess.run(["devices", "import", cli.folder.path("list.csv"), "--db", path]).status == 0)
        let before = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(before == ["kiemke.sqlite"], "the WAL side files are gone once the last connection closed")

        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder)
        defer {
            // Let the test folder be removed afterwards when not root.
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder)
            try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        }

        let status = try await Unprivileged.run(["status", "--db", path])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("PC-01") && status.stdout.contains("fair"), "\(status.stdout)")
        for command in [["devices", "list", "--format", "csv"], ["history", "PC-01"], ["devices", "show", "PC-01"],
                        ["report", "--format", "json"]] {
            let outcome = try await Unprivileged.run(command + ["--db", path])
            #expect(outcome.status == 0, "\(command): \(outcome.stderr)")
            #expect(outcome.stdout.contains("PC-01") || command == ["report", "--format", "json"], "\(command): \(outcome.stdout)")
        }
        // A command that writes says it cannot, and nothing changed.
        let mark = try await Unprivileged.run(["mark", "PC-01", "broken", "--db", path])
        #expect(mark.status == 1, "\(mark.stderr)")
        #expect(mark.stderr.contains(path), "\(mark.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["kiemke.sqlite"])
        #expect(try await KiemkeProcess.run(["devices", "list", "--format", "csv", "--db", path]).stdout.contains("PC-01,computer,127.0.0.1,Văn phòng,fair"))
    }
}
