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
                throw entry.invalid("\"\(name)\" is not a time zone; use a name like Asia/Ho_Chi_Minh")
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
    /// "500ms", "30s", "5m", "1h", read by the one duration parser kiemke has (`DurationText`).
    static var duration: Self {
        Self { entry throws(ConfigError) in
            let s = try ConfigType<String>.string.read(entry)
            guard let d = DurationText.parse(s) else { throw entry.invalid(DurationText.problem(s)) }
            return d
        }
    }
}

extension ConfigType where Value: NamedChoice {
    /// One of an enum's names, case ignored.
    static func choice(_ type: Value.Type = Value.self) -> Self {
        Self { entry throws(ConfigError) in
            let s = try ConfigType<String>.string.read(entry)
            guard let value = Value(parsing: s) else {
                throw entry.invalid("\"\(s)\" is not one of \(Value.choiceList)")
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

    /// Days as YYYY-MM-DD; holidays are matched against day keys, so only that exact form can ever match.
    static var dates: Self {
        Self { entry throws(ConfigError) in
            let list = try ConfigType<[String]>.strings.read(entry)
            for s in list where DayKey.components(s) == nil {
                throw entry.invalid("\"\(s)\" is not a date; write it as YYYY-MM-DD")
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
                    throw entry.invalid("\"\(s)\" is not a weekday; use mon, tue, wed, thu, fri, sat, sun")
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
                guard hm.count == 2, let h = Int(hm[0]), let m = Int(hm[1]), (0...24).contains(h), (0...59).contains(m) else { return nil }
                return h * 60 + m
            }
            guard parts.count == 2, let start = minutes(parts[0]), let end = minutes(parts[1]), start < end else {
                throw entry.invalid("\"\(s)\" is not a span of hours; write it like 07:30-17:00")
            }
            return start...end
        }
    }
}
