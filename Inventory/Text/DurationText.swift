import Foundation

/// The one parser of the durations people write: config keys, the CSV `interval` column and
/// the command line's `--interval`/`--timeout` all read them here, so they accept the same forms.
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

    /// Why `text` is refused, in the words every place that reads a duration uses.
    public static func problem(_ text: String) -> String {
        "\"\(text)\" is not a duration; write it like 500ms, 30s, 5m or 1h"
    }

    /// Writes seconds back the way `parse` reads them: "1h", "5m", "30s", "500ms".
    public static func format(_ seconds: Double) -> String {
        let ms = Int((seconds * 1000).rounded())
        for (suffix, unit) in [("h", 3_600_000), ("m", 60_000), ("s", 1000)] where ms % unit == 0 {
            return "\(ms / unit)\(suffix)"
        }
        return "\(ms)ms"
    }
}

extension Duration {
    /// The duration in seconds, as a `TimeInterval`.
    public var seconds: TimeInterval {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }
}
