import Foundation
import Inventory
import Probes
import KiemkeCore

/// What one config key holds and how its value is read: the type check and the value check.
///
/// Every reader throws `ConfigError` naming the file, the line and the key, so a key's table
/// entry says only which type it is (`.duration`, `.integer(in: 1...10)`, `.choice(...)`).
struct ConfigType<Value>: Sendable {
    let read: @Sendable (ConfigEntry) throws(ConfigError) -> Value
}

extension ConfigType where Value == String {
    static var string: Self {
        Self { entry throws(ConfigError) in
            guard case .string(let s) = entry.value else { throw entry.wrongType("a string") }
            return s
        }
    }

    /// Text a person reads (office name): spaces trimmed and collapsed.
    static var cleanText: Self { Self { entry throws(ConfigError) in NameKey.clean(try ConfigType<String>.string.read(entry)) } }

    /// An IANA time zone name.
    static var timezone: Self {
        Self { entry throws(ConfigError) in
            let name = try ConfigType<String>.string.read(entry)
            guard TimeZone(identifier: name) != nil else {
                throw entry.invalid("\(TerminalText.quoted(name)) is not a time zone; use a name like Asia/Ho_Chi_Minh")
            }
            return name
        }
    }
}

extension ConfigType where Value == Bool {
    static var boolean: Self {
        Self { entry throws(ConfigError) in
            guard case .boolean(let b) = entry.value else { throw entry.wrongType("true or false") }
            return b
        }
    }
}

extension ConfigType where Value == Int {
    static func integer(in range: ClosedRange<Int>) -> Self {
        Self { entry throws(ConfigError) in
            guard case .integer(let i) = entry.value else { throw entry.wrongType("a whole number") }
            guard range.contains(i) else { throw entry.invalid("\(i) is outside \(range.lowerBound)...\(range.upperBound)") }
            return i
        }
    }
}

extension ConfigType where Value == Duration {
    /// "500ms", "30s", "5m", "1h" within `range`, read by the one duration parser kiemke has (`DurationText`).
    static func duration(in range: ClosedRange<Duration>) -> Self {
        Self { entry throws(ConfigError) in
            let s = try ConfigType<String>.string.read(entry)
            guard let d = DurationText.parse(s, in: range) else { throw entry.invalid(DurationText.problem(s, in: range)) }
            return d
        }
    }
}

extension ConfigType where Value == String {
    /// A secret (an SNMPv3 passphrase) of at least `minimumLength` characters; messages never quote it.
    static func secret(minimumLength: Int) -> Self {
        Self { entry throws(ConfigError) in
            let s = try ConfigType<String>.string.read(entry)
            guard s.count >= minimumLength else {
                throw entry.invalid("is shorter than \(minimumLength) characters; SNMPv3 passphrases have at least \(minimumLength) (net-snmp refuses shorter ones)")
            }
            return s
        }
    }

    /// The database file: a folder there is an error now, not a failed open later.
    static var databasePath: Self {
        Self { entry throws(ConfigError) in
            let s = try ConfigType<String>.string.read(entry)
            guard !s.trimmingCharacters(in: .whitespaces).isEmpty else { throw entry.invalid("is empty; name the database file") }
            let path = s.hasPrefix("~/") ? NSHomeDirectory() + s.dropFirst() : s
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                throw entry.invalid("\(TerminalText.quoted(s, limit: 200)) is a folder; name the database file in it, e.g. \(TerminalText.quoted((s as NSString).appendingPathComponent("kiemke.sqlite"), limit: 200))")
            }
            return s
        }
    }
}

extension ConfigType where Value: NamedChoice {
    /// One of an enum's names, case ignored.
    static func choice(_ type: Value.Type = Value.self) -> Self {
        Self { entry throws(ConfigError) in
            let s = try ConfigType<String>.string.read(entry)
            guard let value = Value(parsing: s) else {
                throw entry.invalid("\(TerminalText.quoted(s)) is not one of \(Value.choiceList)")
            }
            return value
        }
    }
}

extension ConfigType where Value == [String] {
    static var strings: Self {
        Self { entry throws(ConfigError) in
            guard case .array(let items) = entry.value else { throw entry.wrongType("an array of strings") }
            var result: [String] = []
            for item in items {
                guard case .string(let s) = item else { throw entry.wrongType("an array of strings") }
                result.append(s)
            }
            return result
        }
    }

    /// Days as YYYY-MM-DD that exist in the calendar; holidays are matched against day keys, so
    /// only that exact form can ever match, and "2026-02-30" would silently match nothing.
    static var dates: Self {
        Self { entry throws(ConfigError) in
            let list = try ConfigType<[String]>.strings.read(entry)
            for s in list {
                guard let c = DayKey.components(s), let y = c.year, let m = c.month, let d = c.day,
                      (1970...9999).contains(y), d <= Self.daysIn(month: m, year: y) else {
                    throw entry.invalid("\(TerminalText.quoted(s)) is not a date; write it as YYYY-MM-DD")
                }
            }
            return list
        }
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// IPv4 or IPv6 addresses, each once.
    static var addresses: Self {
        Self { entry throws(ConfigError) in
            let list = try ConfigType<[String]>.strings.read(entry)
            var seen: Set<String> = []
            for s in list {
                if s.isEmpty { throw entry.invalid("holds an empty address; list IPv4 or IPv6 addresses") }
                if let problem = DeviceAddress.problem(with: s) { throw entry.invalid("\(TerminalText.quoted(s)): \(problem)") }
                if !seen.insert(s).inserted { throw entry.invalid("lists \(TerminalText.quoted(s)) twice") }
            }
            return list
        }
    }
}

extension ConfigType where Value == [Int] {
    static func integers(in range: ClosedRange<Int>) -> Self {
        Self { entry throws(ConfigError) in
            guard case .array(let items) = entry.value else { throw entry.wrongType("an array of whole numbers") }
            var result: [Int] = []
            for item in items {
                guard case .integer(let i) = item else { throw entry.wrongType("an array of whole numbers") }
                guard range.contains(i) else { throw entry.invalid("\(i) is outside \(range.lowerBound)...\(range.upperBound)") }
                result.append(i)
            }
            return result
        }
    }

    /// Weekday names ("mon" ... "sun", any case, longer names too) as ISO numbers 1...7.
    static var weekdays: Self {
        Self { entry throws(ConfigError) in
            let names = ["mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7]
            var days: [Int] = []
            for s in try ConfigType<[String]>.strings.read(entry) {
                guard let day = names[String(s.lowercased().prefix(3))] else {
                    throw entry.invalid("\(TerminalText.quoted(s)) is not a weekday; use mon, tue, wed, thu, fri, sat, sun")
                }
                days.append(day)
            }
            return days
        }
    }
}

extension ConfigType where Value == [DeviceKind] {
    static var kinds: Self {
        Self { entry throws(ConfigError) in
            var result: [DeviceKind] = []
            for s in try ConfigType<[String]>.strings.read(entry) {
                guard let kind = DeviceKind(parsing: s) else {
                    throw entry.invalid(DeviceKind.notAKind(s))
                }
                result.append(kind)
            }
            return result
        }
    }
}

extension ConfigType where Value == ClosedRange<Int> {
    /// "07:30-17:00" as minutes after midnight.
    static var hours: Self {
        Self { entry throws(ConfigError) in
            let s = try ConfigType<String>.string.read(entry)
            let parts = s.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
            func minutes(_ text: String) -> Int? {
                let hm = text.split(separator: ":")
                guard hm.count == 2, hm[0].count <= 2, hm[1].count == 2,
                      hm.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
                      let h = Int(hm[0]), let m = Int(hm[1]), (0...59).contains(m) else { return nil }
                // 24:00 is the end of the day; 24:30 and 25:00 are not times.
                guard h < 24 || (h == 24 && m == 0) else { return nil }
                return h * 60 + m
            }
            guard parts.count == 2, let start = minutes(parts[0]), let end = minutes(parts[1]), start < end else {
                throw entry.invalid("\(TerminalText.quoted(s)) is not a span of hours between 00:00 and 24:00; write it like 07:30-17:00")
            }
            return start...end
        }
    }
}
