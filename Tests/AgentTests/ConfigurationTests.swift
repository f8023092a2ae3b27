import Agent
import Foundation
import Inventory
import Probes
import Testing
import TestSupport

@Suite("Config file")
struct ConfigurationTests {
    @Test("the example config in config/ loads with the values it shows")
    func exampleConfig() throws {
        let url = SharedFixtures.packageRoot.appendingPathComponent("config/kiemke.toml")
        let config = try Configuration.load(from: url)
        #expect(config.office == "UBND xã Minh Đức")
        #expect(config.probe.interval == .seconds(300))
        #expect(config.probe.downAfter == 2)
        #expect(config.probe.confirmAfter == .seconds(15))
        #expect(config.probe.factsInterval == .seconds(3600))
        #expect(config.schedule.start == 7 * 60 + 30)
        #expect(config.schedule.end == 17 * 60)
        #expect(config.schedule.days == [1, 2, 3, 4, 5])
        #expect(config.schedule.kinds == [.computer])
        #expect(config.language == .vi)
    }

    @Test("every key of a full config is read")
    func fullConfig() throws {
        let folder = TemporaryDirectory()
        let url = try folder.write("k.toml", """
            office = "UBND xã Minh Đức"   # comment
            database = "/tmp/x.sqlite"
            language = "en"
            [probe]
            interval = "30s"
            timeout = "500ms"
            retries = 3
            concurrency = 64
            down_after = 3
            confirm_after = "10s"
            facts_interval = "2h"
            [snmp]
            version = "3"
            v3_user = "kiemke"
            v3_level = "authPriv"
            [schedule]
            days = ["mon", "tue", "wed", "thu", "fri", "sat"]
            hours = "07:00-11:30"
            holidays = [
              "2026-09-02",  # Quốc khánh
              "2026-04-30",
            ]
            [kinds.camera]
            interval = "1m"
            schedule = "always"
            tcp_ports = [554, 80]
            facts_interval = "30m"
            [readiness]
            staff = 20
            software = ["Hộ tịch", "Kế toán"]
            online_meeting_room = true
            """)
        let config = try Configuration.load(from: url)
        #expect(config.database == "/tmp/x.sqlite")
        #expect(config.language == .en)
        #expect(config.probe.interval == .seconds(30))
        #expect(config.probe.timeout == .milliseconds(500))
        #expect(config.probe.retries == 3)
        #expect(config.snmp.version == .v3)
        #expect(config.snmp.v3User == "kiemke")
        #expect(config.schedule.days == [1, 2, 3, 4, 5, 6])
        #expect(config.schedule.end == 11 * 60 + 30)
        #expect(config.schedule.holidays == ["2026-09-02", "2026-04-30"])
        #expect(config.kinds[.camera]?.interval == .seconds(60))
        #expect(config.kinds[.camera]?.tcpPorts == [554, 80])
        #expect(config.probe.confirmAfter == .seconds(10))
        #expect(config.probe.factsInterval == .seconds(7200))
        #expect(config.kinds[.camera]?.factsInterval == .seconds(1800))
        #expect(config.factsInterval(for: .camera) == 1800)
        #expect(config.factsInterval(for: .printer) == 7200)
        #expect(config.readiness.staff == 20)
        #expect(config.readiness.software == ["Hộ tịch", "Kế toán"])
        #expect(config.readiness.onlineMeetingRoom == true)
    }

    @Test("an unknown key is an error naming the key and its line")
    func unknownKey() throws {
        let folder = TemporaryDirectory()
        let url = try folder.write("k.toml", "office = \"x\"\n\n[probe]\nintervall = \"5m\"\n")
        #expect {
            try Configuration.load(from: url)
        } throws: { error in
            guard case .unknownKey(_, 4, "probe.intervall", let known) = error as? ConfigError else { return false }
            return known.contains("probe.interval") && "\(error)".contains(":4: unknown key probe.intervall")
        }
    }

    @Test("a value of the wrong type is an error naming the key, its line and both types")
    func wrongType() throws {
        let folder = TemporaryDirectory()
        let url = try folder.write("k.toml", "[probe]\nretries = \"two\"\n")
        #expect(throws: ConfigError.wrongType(file: url.path, line: 2, key: "probe.retries", expected: "a whole number", found: "a string")) {
            try Configuration.load(from: url)
        }
    }

    @Test("bad values and syntax name their line", arguments: [
        ("[probe]\ninterval = \"soon\"\n", 2),
        ("[schedule]\nhours = \"17:00-07:30\"\n", 2),
        ("[schedule]\ntimezone = \"Mars/Olympus\"\n", 2),
        ("language = \"fr\"\n", 1),
        ("\n\noffice = UBND\n", 3),
        ("office = \"a\"\noffice = \"b\"\n", 2),
        ("[kinds.toaster]\ninterval = \"1m\"\n", 2),
        ("office = \"x\"\n[snmp]\nversion = \"3\"\n", 3),
        ("[schedule]\nholidays = [\"2026-9-2\"]\n", 2),
    ])
    func badValues(text: String, line: Int) throws {
        let folder = TemporaryDirectory()
        let url = try folder.write("k.toml", text)
        #expect {
            try Configuration.load(from: url)
        } throws: { error in
            "\(error)".hasPrefix("\(url.path):\(line): ")
        }
    }

    @Test("SNMP and language words become typed values, case ignored; other words name the key and line", arguments: [
        ("v3_priv_protocol = \"aes-256\"", true),
        ("v3_priv_protocol = \"AES\"", true),
        ("v3_auth_protocol = \"sha-512\"", true),
        ("v3_level = \"authnopriv\"", true),
        ("version = \"V2C\"", true),
        ("v3_priv_protocol = \"AES-512\"", false),
        ("v3_auth_protocol = \"SHA1\"", false),
        ("v3_level = \"authpirv\"", false),
        ("version = \"4\"", false),
    ])
    func typedChoices(line: String, accepted: Bool) throws {
        let folder = TemporaryDirectory()
        let url = try folder.write("k.toml", "language = \"EN\"\n[snmp]\nv3_user = \"kiemke\"\n\(line)\n")
        if accepted {
            let config = try Configuration.load(from: url)
            #expect(config.language == .en)
            #expect(config.snmp.v3User == "kiemke")
        } else {
            #expect {
                try Configuration.load(from: url)
            } throws: { error in
                guard case .invalidValue(_, 4, let key, _) = error as? ConfigError else { return false }
                return line.hasPrefix(String(key.dropFirst("snmp.".count)))
            }
        }
    }

    @Test("the typed values reach the SNMP settings a device is polled with")
    func typedSettings() throws {
        let folder = TemporaryDirectory()
        let url = try folder.write("k.toml", """
            [snmp]
            version = "3"
            v3_user = "kiemke"
            v3_level = "authPriv"
            v3_auth_protocol = "SHA-256"
            v3_priv_protocol = "AES-256"
            """)
        let settings = try Configuration.load(from: url).snmpSettings(for: Device(name: "PR-01", kind: .printer, address: "192.0.2.1"))
        #expect(settings.version == .v3)
        #expect(settings.v3?.authProtocol == .sha256)
        #expect(settings.v3?.privProtocol == .aes256)
    }

    @Test("secrets may live in a second file, and a world-readable file holding them is reported")
    func secretsFile() throws {
        let folder = TemporaryDirectory()
        let secrets = try folder.write("secrets.toml", "[snmp]\ncommunity = \"s3cret\"\nv3_auth_key = \"k-long-enough\"\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: secrets.path)
        let main = try folder.write("k.toml", "secrets = \"secrets.toml\"\n")
        var config = try Configuration.load(from: main)
        #expect(config.snmp.community == "s3cret")
        #expect(config.exposedSecretFiles == [secrets.path])
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: secrets.path)
        config = try Configuration.load(from: main)
        #expect(config.exposedSecretFiles.isEmpty)
        try folder.write("secrets.toml", "office = \"x\"\n")
        #expect(throws: ConfigError.self) { try Configuration.load(from: main) }
    }

    @Test("--config wins over KIEMKE_CONFIG, and the database follows --db, KIEMKE_DB, then the config")
    func workspace() throws {
        let folder = TemporaryDirectory()
        let a = try folder.write("a.toml", "database = \"/tmp/a.sqlite\"\n")
        let b = try folder.write("b.toml", "database = \"/tmp/b.sqlite\"\n")
        let env = ["KIEMKE_CONFIG": b.path, "HOME": "/home/x"]
        #expect(try Workspace(dbFlag: nil, configFlag: a.path, environment: env, isRoot: false).databasePath == "/tmp/a.sqlite")
        #expect(try Workspace(dbFlag: nil, configFlag: nil, environment: env, isRoot: false).databasePath == "/tmp/b.sqlite")
        #expect(try Workspace(dbFlag: "/tmp/c.sqlite", configFlag: nil, environment: env, isRoot: false).databasePath == "/tmp/c.sqlite")
    }
}

@Suite("Global options before the command")
struct GlobalArgumentsTests {
    @Test("--db, --config and --log-level before the command move after it; everything else stays in order")
    func hoist() {
        #expect(GlobalArguments.hoisted(["--db", "a.sqlite", "devices", "list"]) == ["devices", "list", "--db", "a.sqlite"])
        #expect(GlobalArguments.hoisted(["--config=k.toml", "--log-level", "info", "report", "--lang", "en"])
                == ["report", "--lang", "en", "--config=k.toml", "--log-level", "info"])
        #expect(GlobalArguments.hoisted(["mark", "PC-01", "broken", "--db", "x"]) == ["mark", "PC-01", "broken", "--db", "x"])
        #expect(GlobalArguments.hoisted(["--help"]) == ["--help"])
        #expect(GlobalArguments.hoisted(["--db"]) == ["--db"], "a missing value is left for the parser to report")
    }
}
