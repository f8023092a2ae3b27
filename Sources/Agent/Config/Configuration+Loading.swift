import Foundation
import Inventory
import Probes
import KiemkeCore

extension Configuration {
    /// The keys each table accepts, for checking and for "known keys here" hints.
    static let knownKeys: [String: [String]] = [
        "": ["office", "database", "language", "secrets"],
        "probe": ["interval", "timeout", "retries", "concurrency", "down_after"],
        "snmp": ["version", "community", "port", "v3_user", "v3_level", "v3_auth_protocol", "v3_auth_key",
                 "v3_priv_protocol", "v3_priv_key"],
        "schedule": ["timezone", "days", "hours", "holidays", "kinds"],
        "retention": ["raw_days"],
        "report": ["internet_targets"],
        "readiness": ["staff", "staff_with_official_email", "digital_signatures", "software", "online_meeting_room"],
        "kinds.*": ["interval", "schedule", "tcp_ports"],
    ]
    static let secretKeys: Set<String> = ["snmp.community", "snmp.v3_auth_key", "snmp.v3_priv_key"]

    /// Reads a config file (and the secrets file it names); unknown keys and wrong types are errors.
    public static func load(from url: URL) throws(ConfigError) -> Configuration {
        var config = Configuration()
        var lines = try config.merge(file: url, secretsOnly: false)
        if let secrets = config.secretsFile {
            let secretsURL = URL(fileURLWithPath: secrets, relativeTo: url.deletingLastPathComponent())
            lines.merge(try config.merge(file: secretsURL, secretsOnly: true)) { _, new in new }
        }
        if config.snmp.version == "3", config.snmp.v3User == nil, let origin = lines["snmp.version"] {
            throw .invalidValue(file: origin.file, line: origin.line, key: "snmp.version",
                                message: "SNMPv3 needs a user: set snmp.v3_user (and v3_auth_key, v3_priv_key for authPriv)")
        }
        return config
    }

    /// Applies one file's keys; returns where each key was set, for checks that span keys.
    private mutating func merge(file url: URL, secretsOnly: Bool) throws(ConfigError) -> [String: (file: String, line: Int)] {
        let path = url.path
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .unreadable(file: path, reason: (error as NSError).localizedDescription)
        }
        let entries = try TOMLReader(file: path).entries(of: text)
        var holdsSecrets = false
        var lines: [String: (file: String, line: Int)] = [:]
        for entry in entries {
            lines[entry.path] = (path, entry.line)
            if secretsOnly && entry.table != ["snmp"] {
                throw .unknownKey(file: path, line: entry.line, key: entry.path,
                                  known: Self.knownKeys["snmp"]!.map { "snmp.\($0)" })
            }
            if Self.secretKeys.contains(entry.path) { holdsSecrets = true }
            try apply(entry, file: path)
        }
        if holdsSecrets, let attributes = try? FileManager.default.attributesOfItem(atPath: path),
           let mode = attributes[.posixPermissions] as? Int, mode & 0o004 != 0 {
            exposedSecretFiles.append(path)
        }
        return lines
    }

    private mutating func apply(_ entry: TOMLReader.Entry, file: String) throws(ConfigError) {
        let reader = EntryReader(entry: entry, file: file)
        switch (entry.table, entry.key) {
        case ([], "office"): office = NameKey.clean(try reader.string())
        case ([], "database"): database = try reader.string()
        case ([], "language"): language = try reader.oneOf(["vi", "en"])
        case ([], "secrets"): secretsFile = try reader.string()
        case (["probe"], "interval"): probe.interval = try reader.duration()
        case (["probe"], "timeout"): probe.timeout = try reader.duration()
        case (["probe"], "retries"): probe.retries = try reader.integer(in: 0...10)
        case (["probe"], "concurrency"): probe.concurrency = try reader.integer(in: 1...10_000)
        case (["probe"], "down_after"): probe.downAfter = try reader.integer(in: 1...100)
        case (["snmp"], "version"): snmp.version = try reader.oneOf(["1", "2c", "3"])
        case (["snmp"], "community"): snmp.community = try reader.string()
        case (["snmp"], "port"): snmp.port = try reader.integer(in: 1...65535)
        case (["snmp"], "v3_user"): snmp.v3User = try reader.string()
        case (["snmp"], "v3_level"): snmp.v3Level = try reader.oneOf(["noAuthNoPriv", "authNoPriv", "authPriv"])
        case (["snmp"], "v3_auth_protocol"): snmp.v3AuthProtocol = try reader.oneOf(["MD5", "SHA", "SHA-256", "SHA-512"])
        case (["snmp"], "v3_auth_key"): snmp.v3AuthKey = try reader.string()
        case (["snmp"], "v3_priv_protocol"): snmp.v3PrivProtocol = try reader.oneOf(["DES", "AES"])
        case (["snmp"], "v3_priv_key"): snmp.v3PrivKey = try reader.string()
        case (["schedule"], "timezone"):
            let name = try reader.string()
            guard TimeZone(identifier: name) != nil else {
                throw reader.invalid("\"\(name)\" is not a time zone; use a name like Asia/Ho_Chi_Minh")
            }
            schedule.timezone = name
        case (["schedule"], "days"): schedule.days = Set(try reader.weekdays())
        case (["schedule"], "hours"): (schedule.start, schedule.end) = try reader.hours()
        case (["schedule"], "holidays"): schedule.holidays = Set(try reader.dates())
        case (["schedule"], "kinds"): schedule.kinds = Set(try reader.kinds())
        case (["retention"], "raw_days"): retention.rawDays = try reader.integer(in: 1...36_500)
        case (["report"], "internet_targets"): report.internetTargets = try reader.strings()
        case (["readiness"], "staff"): readiness.staff = try reader.integer(in: 0...1_000_000)
        case (["readiness"], "staff_with_official_email"): readiness.staffWithOfficialEmail = try reader.integer(in: 0...1_000_000)
        case (["readiness"], "digital_signatures"): readiness.digitalSignatures = try reader.integer(in: 0...1_000_000)
        case (["readiness"], "software"): readiness.software = try reader.strings().map(NameKey.clean)
        case (["readiness"], "online_meeting_room"): readiness.onlineMeetingRoom = try reader.boolean()
        case (let table, let key) where table.count == 2 && table[0] == "kinds":
            guard let kind = DeviceKind(rawValue: table[1]) else {
                throw reader.invalid("[kinds.\(table[1])]: \(table[1]) is not a kind; use one of \(DeviceKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            var settings = kinds[kind] ?? KindSettings()
            switch key {
            case "interval": settings.interval = try reader.duration()
            case "schedule": settings.schedule = DeviceSchedule(rawValue: try reader.oneOf(["office", "always"]))
            case "tcp_ports": settings.tcpPorts = try reader.integers(in: 1...65535)
            default:
                throw .unknownKey(file: file, line: entry.line, key: entry.path, known: Self.knownKeys["kinds.*"]!)
            }
            kinds[kind] = settings
        default:
            let table = entry.table.joined(separator: ".")
            throw .unknownKey(file: file, line: entry.line, key: entry.path,
                              known: (Self.knownKeys[table] ?? []).map { table.isEmpty ? $0 : "\(table).\($0)" })
        }
    }
}

/// Reads one entry's value as the type its key needs, or says what was expected.
private struct EntryReader {
    let entry: TOMLReader.Entry
    let file: String

    func invalid(_ message: String) -> ConfigError {
        .invalidValue(file: file, line: entry.line, key: entry.path, message: message)
    }

    private func wrongType(_ expected: String) -> ConfigError {
        .wrongType(file: file, line: entry.line, key: entry.path, expected: expected, found: entry.value.typeName)
    }

    func string() throws(ConfigError) -> String {
        guard case .string(let s) = entry.value else { throw wrongType("a string") }
        return s
    }

    func boolean() throws(ConfigError) -> Bool {
        guard case .boolean(let b) = entry.value else { throw wrongType("true or false") }
        return b
    }

    func integer(in range: ClosedRange<Int>) throws(ConfigError) -> Int {
        guard case .integer(let i) = entry.value else { throw wrongType("a whole number") }
        guard range.contains(i) else { throw invalid("\(i) is outside \(range.lowerBound)...\(range.upperBound)") }
        return i
    }

    func oneOf(_ choices: [String]) throws(ConfigError) -> String {
        let s = try string()
        guard let match = choices.first(where: { $0.lowercased() == s.lowercased() }) else {
            throw invalid("\"\(s)\" is not one of \(choices.joined(separator: ", "))")
        }
        return match
    }

    func strings() throws(ConfigError) -> [String] {
        guard case .array(let items) = entry.value else { throw wrongType("an array of strings") }
        var result: [String] = []
        for item in items {
            guard case .string(let s) = item else { throw wrongType("an array of strings") }
            result.append(s)
        }
        return result
    }

    func integers(in range: ClosedRange<Int>) throws(ConfigError) -> [Int] {
        guard case .array(let items) = entry.value else { throw wrongType("an array of whole numbers") }
        var result: [Int] = []
        for item in items {
            guard case .integer(let i) = item else { throw wrongType("an array of whole numbers") }
            guard range.contains(i) else { throw invalid("\(i) is outside \(range.lowerBound)...\(range.upperBound)") }
            result.append(i)
        }
        return result
    }

    func duration() throws(ConfigError) -> Duration {
        let s = try string()
        guard let d = DurationText.parse(s) else {
            throw invalid("\"\(s)\" is not a duration; write it like 500ms, 30s, 5m or 1h")
        }
        return d
    }

    func weekdays() throws(ConfigError) -> [Int] {
        let names = ["mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7]
        var days: [Int] = []
        for s in try strings() {
            guard let day = names[String(s.lowercased().prefix(3))] else {
                throw invalid("\"\(s)\" is not a weekday; use mon, tue, wed, thu, fri, sat, sun")
            }
            days.append(day)
        }
        return days
    }

    func hours() throws(ConfigError) -> (Int, Int) {
        let s = try string()
        let parts = s.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
        func minutes(_ text: String) -> Int? {
            let hm = text.split(separator: ":")
            guard hm.count == 2, let h = Int(hm[0]), let m = Int(hm[1]), (0...24).contains(h), (0...59).contains(m) else { return nil }
            return h * 60 + m
        }
        guard parts.count == 2, let start = minutes(parts[0]), let end = minutes(parts[1]), start < end else {
            throw invalid("\"\(s)\" is not a span of hours; write it like 07:30-17:00")
        }
        return (start, end)
    }

    func dates() throws(ConfigError) -> [String] {
        let list = try strings()
        // Holidays are matched against day keys, so only the exact YYYY-MM-DD form can ever match.
        for s in list where DayKey.components(s) == nil {
            throw invalid("\"\(s)\" is not a date; write it as YYYY-MM-DD")
        }
        return list
    }

    func kinds() throws(ConfigError) -> [DeviceKind] {
        var result: [DeviceKind] = []
        for s in try strings() {
            guard let kind = DeviceKind(parsing: s) else {
                throw invalid("\"\(s)\" is not a kind; use one of \(DeviceKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            result.append(kind)
        }
        return result
    }
}
