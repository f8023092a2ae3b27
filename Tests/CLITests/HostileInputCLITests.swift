import Foundation
import GRDB
import Testing
import TestSupport

/// Runs the built kiemke through /bin/sh, for a umask or a pipe on standard input.
func shell(_ script: String, environment: [String: String]) async throws -> KiemkeProcess.Outcome {
    try await KiemkeProcess.run(URL(fileURLWithPath: "/bin/sh"), ["-c", script, KiemkeProcess.binary!.path], environment: environment)
}

@Suite("CLI: hostile input and secrets", .enabled(if: CLI.available, "the kiemke binary is not built; run `swift build` first"))
struct HostileInputCLITests {
    static func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test("with umask 000 a new database is 0600 and the folders kiemke makes for it 0700")
    func databaseMode() async throws {
        let folder = TemporaryDirectory()
        let database = folder.path("data/kiemke/kiemke.sqlite")
        let outcome = try await shell("umask 000; exec \"$0\" devices add PC-1 --kind computer --by t",
                                      environment: ["KIEMKE_DB": database])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(try Self.mode(database) == 0o600)
        #expect(try Self.mode(folder.path("data")) == 0o700)
        #expect(try Self.mode(folder.path("data/kiemke")) == 0o700)
        if FileManager.default.fileExists(atPath: database + "-wal") { #expect(try Self.mode(database + "-wal") == 0o600) }
    }

    @Test("a database every user can read that holds communities is warned about")
    func exposedDatabase() async throws {
        let cli = CLI()
        try cli.folder.write("d.csv", "name,kind,address,snmp_community\nPR-1,printer,127.0.0.1,s3cret\n")
        #expect(try await cli.run("devices", "import", cli.folder.path("d.csv")).status == 0)
        #expect(try await cli.run("devices", "list").stderr.isEmpty)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: cli.database)
        let listed = try await cli.run("devices", "list")
        #expect(listed.status == 0)
        #expect(listed.stderr.contains("holds SNMP communities and every user can read it"), "\(listed.stderr)")
    }

    @Test("durations that trapped are usage errors (exit 2), on every command that reads one", arguments: ["inf", "nan", "1e400s", "1e16d", "-1s", "0x10"])
    func durations(text: String) async throws {
        let cli = CLI()
        for arguments in [["daemon", "--once", "--interval", text], ["devices", "add", "PC-9", "--kind", "computer", "--interval", text],
                          ["ping", "127.0.0.1", "--timeout", text]] {
            let outcome = try await cli.run(arguments)
            #expect(outcome.status == 2, "\(arguments): \(outcome.stderr)")
        }
        try cli.folder.write("d.csv", "name,kind,interval\nCAM-1,camera,\(text)\n")
        let imported = try await cli.run("devices", "import", cli.folder.path("d.csv"))
        #expect(imported.status == 2 && imported.stderr.contains("line 2, interval"), "\(imported.stderr)")
        let config = try cli.folder.write("k.toml", "[probe]\ntimeout = \"\(text)\"\n")
        #expect(try await cli.run("status", "--config", config.path).status == 2)
    }

    @Test("control characters typed into names and notes are refused; messages show them escaped")
    func typedControls() async throws {
        let cli = CLI()
        for arguments in [["devices", "add", "PC\u{1B}[2J", "--kind", "computer"],
                          ["devices", "add", "PC\u{202E}1", "--kind", "computer"],
                          ["devices", "add", "PC-1", "--kind", "computer", "--note", "\u{1B}]52;c;eA==\u{07}"],
                          ["devices", "add", String(repeating: "x", count: 101), "--kind", "computer"]] {
            let outcome = try await cli.run(arguments)
            #expect(outcome.status == 2, "\(arguments)")
            #expect(!outcome.stderr.unicodeScalars.contains("\u{1B}") && !outcome.stderr.unicodeScalars.contains("\u{202E}"))
        }
        try cli.folder.write("d.csv", "name,kind,note\n\"PC\u{1B}]0;x\u{07}\",computer,\n")
        let imported = try await cli.run("devices", "import", cli.folder.path("d.csv"))
        #expect(imported.status == 2)
        #expect(imported.stderr.contains("\\x1B]0;x\\x07"), "\(imported.stderr)")
        #expect(!imported.stderr.unicodeScalars.contains("\u{1B}"))
    }

    @Test("devices list --format csv neutralises formulas in a file and imports back unchanged")
    func csvFormulas() async throws {
        let cli = CLI()
        try cli.folder.write("d.csv", "name,kind,location,note\n'=1+2,printer,'@SUM(A1),\"'=HYPERLINK(\"\"http://198.51.100.1\"\",\"\"x\"\")\"\n")
        let imported = try await cli.run("devices", "import", cli.folder.path("d.csv"))
        #expect(imported.status == 0, "\(imported.stderr)")
        let json = try await cli.run("devices", "list", "--format", "json")
        #expect(json.stdout.contains("\"name\" : \"=1+2\""), "the quote that neutralised it is not part of the name: \(json.stdout)")
        let csv = try await cli.run("devices", "list", "--format", "csv")
        #expect(csv.stdout.contains("\n'=1+2,printer,,'@SUM(A1),"), "\(csv.stdout)")
        let report = try await cli.run("report", "--format", "csv", "--period", "2026")
        #expect(report.status == 0)
        #expect(!report.stdout.contains("\n=") && !report.stdout.contains(",=") && !report.stdout.contains(",@"), "\(report.stdout)")
        let markdown = try await cli.run("report", "--format", "markdown", "--period", "2026")
        #expect(markdown.status == 0)
    }
}

@Suite("CLI: SNMPv3 keys off the command line",
       .enabled(if: CLI.available && SNMPDaemon.unavailableReason == nil, "needs the kiemke binary and snmpd"))
struct ProbeSecretsCLITests {
    static func probe(_ script: String, port: UInt16, extra: String = "") async throws -> [String: Any] {
        let outcome = try await shell("\(script) \"$0\" probe 127.0.0.1 --snmp-port \(port) --format json \(extra)", environment: [:])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return (try? JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]) ?? [:]
    }

    static func answeredBySNMP(_ json: [String: Any]) -> Bool {
        (json["answered_by"] as? [String])?.contains("snmp") == true
    }

    @Test("--v3-keys-stdin reads the auth and privacy passphrases; wrong ones do not answer")
    func stdin() async throws {
        let port = try await SNMPDaemon.shared.port()
        let right = try await Self.probe("printf 'auth-pass-sha\\npriv-pass-aes\\n' |", port: port, extra: "--v3-user kiemke-sha-aes --v3-keys-stdin")
        #expect(Self.answeredBySNMP(right), "\(right)")
        let wrong = try await Self.probe("printf 'not-the-key\\nnot-the-key\\n' |", port: port, extra: "--v3-user kiemke-wrong-then-right --v3-keys-stdin")
        #expect(!Self.answeredBySNMP(wrong))
        let short = try await shell("printf 'short\\n' | \"$0\" probe 127.0.0.1 --v3-user u --v3-keys-stdin", environment: [:])
        #expect(short.status == 2 && short.stderr.contains("shorter than 8"), "\(short.stderr)")
    }

    @Test("--secrets-file gives the v3 user and keys, and the help says why")
    func secretsFile() async throws {
        let port = try await SNMPDaemon.shared.port()
        let folder = TemporaryDirectory()
        let secrets = try folder.write("s.toml", "[snmp]\nv3_user = \"kiemke-sha-aes\"\nv3_auth_key = \"auth-pass-sha\"\nv3_priv_key = \"priv-pass-aes\"\n")
        let json = try await Self.probe("", port: port, extra: "--secrets-file \(secrets.path)")
        #expect(Self.answeredBySNMP(json), "\(json)")
        let help = try await KiemkeProcess.run(["probe", "--help"])
        #expect(help.stdout.contains("--secrets-file") && help.stdout.contains("--v3-keys-stdin") && help.stdout.contains("ps"))
    }
}

@Suite("Daemon: SIGHUP with every invalid config keeps the old one", .serialized,
       .enabled(if: CLI.available, "the kiemke binary is not built; run `swift build` first"))
struct HostileReloadTests {
    static let secret = "Sup3r-Secret-Community"

    @Test("each invalid config is logged as not reloaded, without its secrets, and the daemon keeps polling")
    func reloads() async throws {
        let fixture = try await DaemonFixture(devices: 3)
        let valid = "[probe]\ntimeout = \"200ms\"\nretries = 1\n[snmp]\ncommunity = \"\(Self.secret)\"\n"
        let config = try fixture.cli.folder.write("k.toml", valid)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: config.path)
        let daemon = try fixture.start(config: config)
        #expect(await daemon.waitForLog("daemon started", seconds: 15), "\(daemon.log)")
        let invalid = [
            "[probe]\ninterval = \"inf\"\n", "[probe]\ninterval = \"1e400s\"\n", "[probe]\ninterval = \"1e16d\"\n",
            "[probe]\ninterval = \"nan\"\n", "[probe]\ntimeout = \"1e13s\"\n", "[probe]\nretries = 11\n",
            "[probe]\nconcurrency = 70000\n", "[schedule]\nhours = \"08:00-25:00\"\n", "[schedule]\nholidays = [\"2026-02-30\"]\n",
            "[snmp]\nv3_user = \"u\"\nv3_auth_key = \"short\"\n", "[report]\ninternet_targets = [\"not-an-address\"]\n",
            "[probe]\n[probe]\n", "x = " + String(repeating: "[", count: 50_000) + "\n", "[\n", "a = [}]\n",
            "[snmp]\r\ncommunity = \"\(Self.secret)\rv3_auth_key = \"\(Self.secret)\"\r\n",
            "[snmp]\ncommunity = \(Self.secret)\n",
        ]
        for (index, text) in invalid.enumerated() {
            try fixture.cli.folder.write("k.toml", text)
            daemon.send(SIGHUP)
            let deadline = Date().addingTimeInterval(10)
            while daemon.log.components(separatedBy: "config not reloaded").count - 1 < index + 1 && Date() < deadline && daemon.isRunning {
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(daemon.log.components(separatedBy: "config not reloaded").count - 1 == index + 1, "\(text.prefix(60)): \(daemon.log.suffix(2000))")
            #expect(daemon.isRunning, "\(text.prefix(60))")
        }
        #expect(!daemon.log.contains(Self.secret), "secrets stay out of the log")
        #expect(!daemon.log.unicodeScalars.contains("\u{1B}"))
        let before = try fixture.observationCount()
        try await Task.sleep(for: .seconds(2))
        #expect(try fixture.observationCount() > before, "still polling with the old config")
        daemon.send(SIGTERM)
        #expect(await daemon.wait(seconds: 10) == 0)
    }
}
