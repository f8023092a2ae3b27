import Foundation
import KiemkeCore

/// Names new devices in the office's style: the prefix its devices of that kind already use ("PC-",
/// "MÁY IN-", "CAM-") and the next number after the highest in use, padded as the inventory pads them.
public struct DeviceNaming: Sendable {
    /// The prefix a kind gets when the inventory has none of that kind yet.
    public static let defaultPrefixes: [DeviceKind: String] = [
        .computer: "PC", .scanner: "SCAN", .copier: "PHOTO", .printer: "MÁY IN",
        .camera: "CAM", .network: "MẠNG", .other: "KHÁC",
    ]

    private struct Series {
        var prefix: String
        var separator: String
        var width: Int
        var next: Int
    }

    private var series: [DeviceKind: Series] = [:]
    /// Every name in use (active or proposed), by `NameKey`, so a proposal never repeats one.
    private var taken: Set<String>

    /// Learns the style from `existing` (name and kind of every device, retired ones too: their numbers are not reused).
    public init(existing: [(name: String, kind: DeviceKind)]) {
        taken = Set(existing.map { NameKey.fold($0.name) })
        var counts: [DeviceKind: [String: (count: Int, separator: String, width: Int, highest: Int)]] = [:]
        for (name, kind) in existing {
            guard let parsed = Self.split(name) else { continue }
            var entry = counts[kind, default: [:]][parsed.prefix] ?? (0, parsed.separator, parsed.width, 0)
            entry.count += 1
            entry.width = max(entry.width, parsed.width)
            entry.highest = max(entry.highest, parsed.number)
            counts[kind, default: [:]][parsed.prefix] = entry
        }
        for (kind, prefixes) in counts {
            // The prefix most devices of the kind use is the office's style for it.
            guard let best = prefixes.max(by: { ($0.value.count, $1.key) < ($1.value.count, $0.key) }) else { continue }
            series[kind] = Series(prefix: best.key, separator: best.value.separator, width: best.value.width, next: best.value.highest + 1)
        }
    }

    /// The next free name for a device of `kind`.
    public mutating func next(for kind: DeviceKind) -> String {
        var current = series[kind] ?? Series(prefix: Self.defaultPrefixes[kind] ?? "KHÁC", separator: "-", width: 2, next: 1)
        while true {
            let number = String(current.next)
            let padded = String(repeating: "0", count: max(0, current.width - number.count)) + number
            let name = current.prefix + current.separator + padded
            current.next += 1
            if taken.insert(NameKey.fold(name)).inserted {
                series[kind] = current
                return name
            }
        }
    }

    /// "PC-07" → ("PC", "-", 7, width 2); nil for a name that does not end in a number.
    static func split(_ name: String) -> (prefix: String, separator: String, number: Int, width: Int)? {
        let digits = name.reversed().prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 6, let number = Int(String(digits.reversed())) else { return nil }
        var rest = String(name.dropLast(digits.count))
        var separator = ""
        if let last = rest.last, last == "-" || last == " " || last == "_" || last == "." {
            separator = String(last)
            rest.removeLast()
        }
        guard !rest.isEmpty else { return nil }
        return (rest, separator, number, digits.count)
    }
}
