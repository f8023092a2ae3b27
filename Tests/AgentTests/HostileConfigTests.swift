import Agent
import Foundation
import Inventory
import KiemkeCore
import PropertyBased
import Testing
import TestSupport

@Suite("Config files that must be refused cleanly")
struct HostileConfigTests {
    static let secret = "S3cret-Community-Value"
    static let authKey = "Auth-Passphrase-Value"

    static func load(_ text: String) throws -> Configuration {
        let folder = TemporaryDirectory()
        return try Configuration.load(from: folder.write("k.toml", text))
    }

    /// Every invalid config the hostile-input run found, with the line its error must name.
    static let invalid: [(String, Int)] = [
        ("[probe]\ninterval = \"inf\"\n", 2),
        ("[probe]\ninterval = \"nan\"\n", 2),
        ("[probe]\ninterval = \"1e400s\"\n", 2),
        ("[probe]\ninterval = \"1e16d\"\n", 2),
        ("[probe]\ninterval = \"500ms\"\n", 2),
        ("[probe]\ninterval = \"2d\"\n", 2),
        ("[probe]\ntimeout = \"1e13s\"\n", 2),
        ("[probe]\ntimeout = \"10ms\"\n", 2),
        ("[probe]\ntimeout = \"61s\"\n", 2),
        ("[probe]\nretries = 11\n", 2),
        ("[probe]\nconcurrency = 0\n", 2),
        ("[probe]\nconcurrency = 65537\n", 2),
        ("[kinds.camera]\ninterval = \"inf\"\n", 2),
        ("[schedule]\nhours = \"07:30-24:30\"\n", 2),
        ("[schedule]\nhours = \"07:30-25:00\"\n", 2),
        ("[schedule]\nholidays = [\"2026-02-30\"]\n", 2),
        ("[schedule]\nholidays = [\"2026-13-01\"]\n", 2),
        ("[schedule]\nholidays = [\"2025-02-29\"]\n", 2),
        ("[snmp]\nv3_user = \"u\"\nv3_auth_key = \"short\"\n", 3),
        ("[snmp]\nv3_priv_key = \"1234567\"\n", 2),
        ("[report]\ninternet_targets = [\"portal.gov.vn\"]\n", 2),
        ("[report]\ninternet_targets = [\"\"]\n", 2),
        ("[report]\ninternet_targets = [\"203.0.113.10\", \"203.0.113.10\"]\n", 2),
        ("[probe]\ninterval = \"5m\"\n[probe]\ntimeout = \"1s\"\n", 3),
        ("probe.interval = \"5m\"\n[probe]\n", 2),
        ("[snmp.communities]\n\"bad name\" = \"x\"\n", 2),
        // toml++ asserts (abort) on a table header that does not start with a key.
        ("office = \"x\"\n[\n", 2),
        ("[.probe]\n", 1),
        ("[[ =\n", 1),
        ("  [ \t.a]\n", 1),
        ("[kinds.camera]\ntcp_ports = [\n}]\n", 3),
        ("[readiness]\nsoftware = [\"a\", }]\n", 2),
        ("x = " + String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000) + "\n", 1),
        ("x = " + String(repeating: "{a=", count: 50_000) + "1" + String(repeating: "}", count: 50_000) + "\n", 1),
    ]

    @Test("each is an error naming its file and line, never a trap")
    func refused() throws {
        for (text, line) in Self.invalid {
            let folder = TemporaryDirectory()
            let url = try folder.write("k.toml", text)
            #expect {
                try Configuration.load(from: url)
            } throws: { error in
                (error as? ConfigError).map { "\($0)".hasPrefix("\(url.path):\(line): ") } ?? false
            }
        }
    }

    @Test("a database path that is a folder is refused at load")
    func databaseFolder() throws {
        let folder = TemporaryDirectory()
        let url = try folder.write("k.toml", "database = \"\(folder.url.path)\"\n")
        #expect(throws: ConfigError.self) { try Configuration.load(from: url) }
    }

    @Test("bounds: the edges are accepted")
    func edges() throws {
        let config = try Self.load("""
            [probe]
            interval = "1s"
            timeout = "50ms"
            retries = 0
            concurrency = 65536
            [schedule]
            hours = "00:00-24:00"
            holidays = ["2028-02-29"]
            [kinds.camera]
            interval = "1d"
            [report]
            internet_targets = ["203.0.113.10", "2001:db8::1"]
            """)
        #expect(config.probe.interval == .seconds(1) && config.probe.timeout == .milliseconds(50))
        #expect(config.probe.concurrency == 65_536)
        #expect(config.schedule.end == 24 * 60)
        #expect(config.kinds[.camera]?.interval == .seconds(86_400))
    }

    @Test("CRLF line ends are valid TOML: accepted, and errors name the right line")
    func crlf() throws {
        let lines = ["office = \"x\"", "[probe]", "interval = \"5m\"  # comment", "[snmp]", "community = \"\(Self.secret)\"",
                     "v3_auth_key = \"\(Self.authKey)\"", "[schedule]", "holidays = [", "  \"2026-09-02\",", "]"]
        let config = try Self.load(lines.joined(separator: "\r\n") + "\r\n")
        #expect(config.probe.interval == .seconds(300))
        #expect(config.snmp.community == Self.secret)
        #expect(config.schedule.holidays == ["2026-09-02"])
        let folder = TemporaryDirectory()
        let url = try folder.write("k.toml", (lines + ["[probe2]", "x = 1"]).joined(separator: "\r\n"))
        #expect {
            try Configuration.load(from: url)
        } throws: { error in
            "\(error)".hasPrefix("\(url.path):12: unknown key probe2.x")
        }
    }

    @Test("a syntax error near a secret quotes neither the community nor a v3 key", arguments: [
        "[snmp]\ncommunity = \"\(secret)\nv3_auth_key = \"\(authKey)\"\n",
        "[snmp]\ncommunity = '\(secret)\nv3_auth_key = \"\(authKey)\"\n",
        "[snmp]\ncommunity = \(secret)\n",
        "[snmp]\ncommunity = \"\(secret)\" \(authKey)\n",
        "[snmp]\r\ncommunity = \"\(secret)\"\rv3_auth_key = \"\(authKey)\"\r\n",
        "[snmp]\nv3_auth_key = \"\(authKey)\\q\"\n",
        "[snmp]\nv3_priv_key = \"\"\"\n\(authKey)\n",
        "[snmp.communities]\nmay-in = \(secret)\n",
        "[snmp]\ncommunity = \"\(secret)\"\nv3_auth_key = \"\(authKey)\"\n[snmp]\n",
        "[snmp]\ncommunity = \"\(secret)\"\nx = 1e99999\n",
    ])
    func secretsStayOut(text: String) throws {
        let folder = TemporaryDirectory()
        let url = try folder.write("k.toml", text)
        do {
            _ = try Configuration.load(from: url)
            Issue.record("accepted")
        } catch {
            let message = "\(error)"
            for piece in [Self.secret, Self.authKey, String(Self.secret.prefix(8)), String(Self.authKey.prefix(8))] {
                #expect(!message.contains(piece), "\(message)")
            }
            #expect(message.count < 400)
        }
    }

    @Test("keys with control characters are shown escaped and cut short")
    func hostileKey() throws {
        let folder = TemporaryDirectory()
        let url = try folder.write("k.toml", "\"\\u001b]52;c;\(String(repeating: "A", count: 500))\\u0007\" = 1\n")
        #expect {
            try Configuration.load(from: url)
        } throws: { error in
            let message = "\(error)"
            return !message.unicodeScalars.contains("\u{1B}") && message.count < 600 && message.contains("unknown key")
        }
    }
}

@Suite("Config parser: properties")
struct ConfigPropertyTests {
    static let pieces: [String] = Array("[]{}=\"'#.,\n \tabz019-_:\\").map(String.init)
        + ["\r\n", "\r", "\u{0}", "\u{1B}", "é", "\"\"\"", "'''", "[snmp]\n", "community = ", "[[", "]]", "inf", "1e400"]
    static let text = Gen<String?>.element(of: pieces).map { $0 ?? "a" }.array(of: 0...60).map { $0.joined() }
    /// Values kiemke's keys hold, and nonsense, to put on the right of a known key.
    static let values = Gen<String?>.element(of: ["\"5m\"", "\"inf\"", "\"1e400s\"", "3", "-1", "99999999999999999999", "1e308",
                                                  "[1,[2,[3]]]", "{a=1}", "\"07:30-24:00\"", "true", "\"\"", "\"2026-02-29\""]).map { $0 ?? "1" }
    static let keys = Gen<String?>.element(of: ["[probe]\ninterval", "[probe]\ntimeout", "[probe]\nretries", "[probe]\nconcurrency",
                                                "[schedule]\nhours", "[schedule]\nholidays", "[schedule]\ndays", "[snmp]\nv3_auth_key",
                                                "[report]\ninternet_targets", "[kinds.camera]\ninterval", "[kinds.camera]\ntcp_ports",
                                                "database", "office"]).map { $0 ?? "office" }

    static func loads(_ text: String) {
        let folder = TemporaryDirectory()
        guard let url = try? folder.write("k.toml", text) else { return }
        do {
            _ = try Configuration.load(from: url)
        } catch {
            // A refusal must say where.
            #expect("\(error)".hasPrefix(url.path + ":"), "\(error)")
        }
    }

    @Test("arbitrary text never traps: it loads or is refused naming the file and line")
    func arbitraryText() async {
        await propertyCheck(count: 1500, input: Self.text) { text in
            Self.loads(text)
        }
    }

    @Test("any value under any known key never traps")
    func knownKeys() async {
        await propertyCheck(count: 500, input: Self.keys, Self.values) { key, value in
            Self.loads("\(key) = \(value)\n")
        }
    }
}

@Suite("Communities named in the secrets file")
struct CommunityReferenceTests {
    static func configuration() throws -> Configuration {
        let folder = TemporaryDirectory()
        let secrets = try folder.write("secrets.toml", "[snmp]\ncommunity = \"default-one\"\n[snmp.communities]\nmay-in = \"in-tang-2\"\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: secrets.path)
        return try Configuration.load(from: folder.write("k.toml", "secrets = \"secrets.toml\"\n"))
    }

    @Test("@NAME is resolved from [snmp.communities] when the device is polled")
    func resolved() throws {
        let config = try Self.configuration()
        #expect(config.exposedSecretFiles.isEmpty)
        let device = Device(name: "PR-01", kind: .printer, address: "192.0.2.1", snmpCommunity: "@may-in")
        #expect(try config.snmpSettings(for: device).community == "in-tang-2")
        #expect(try config.snmpSettings(for: Device(name: "PR-02", kind: .printer, address: "192.0.2.2")).community == "default-one")
        #expect(try config.snmpSettings(for: Device(name: "PR-03", kind: .printer, address: "192.0.2.3", snmpCommunity: "own")).community == "own")
    }

    @Test("an unknown name is an error naming the device, and stops polling from starting")
    func unknown() throws {
        let config = try Self.configuration()
        let device = Device(name: "PR-09", kind: .printer, address: "192.0.2.9", snmpCommunity: "@may-out")
        #expect(throws: SNMPCredentialsError.unknownCommunity(device: "PR-09", name: "may-out", known: ["may-in"])) {
            try config.snmpSettings(for: device)
        }
        let plan = PollPlan(devices: [device], configuration: config)
        #expect(plan.withoutCredentials == ["PR-09"])
        #expect {
            try plan.checkCredentials()
        } throws: { error in
            "\(error)".hasPrefix("PR-09: snmp_community \"@may-out\" names no entry")
        }
    }
}
