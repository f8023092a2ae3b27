import Foundation

/// Parses the durations and dates people write in configs and on the command line.
public enum DurationText {
    /// "500ms", "30s", "5m", "1h", "1d" (a bare number is seconds), or nil.
    public static func parse(_ text: String) -> Duration? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400)]
        for (suffix, scale) in units where t.hasSuffix(suffix) {
            guard let n = Double(t.dropLast(suffix.count)), n > 0 else { return nil }
            return .milliseconds(Int64((n * scale * 1000).rounded()))
        }
        guard let n = Double(t), n > 0 else { return nil }
        return .milliseconds(Int64((n * 1000).rounded()))
    }

    /// Writes seconds back the way `parse` reads them: "1h", "5m", "30s", "500ms".
    public static func format(_ seconds: Double) -> String {
        let ms = Int((seconds * 1000).rounded())
        for (suffix, unit) in [("h", 3_600_000), ("m", 60_000), ("s", 1000)] where ms % unit == 0 {
            return "\(ms / unit)\(suffix)"
        }
        return "\(ms)ms"
    }

    /// Parses a YYYY-MM-DD day, or nil.
    public static func day(_ text: String) -> DateComponents? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        return DateComponents(year: y, month: m, day: d)
    }
}

extension Duration {
    /// The duration in seconds, as a `TimeInterval`.
    public var seconds: TimeInterval {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }
}
