import Foundation

/// The one parser of the durations people write: config keys, the CSV `interval` column and
/// the command line's `--interval`/`--timeout` all read them here, so they accept the same forms.
///
/// Only plain decimal numbers are read ("1.5m", not "1e3s", "inf", "nan" or "0x10"), with at
/// most 9 digits before the point, so no text can make a value that traps when it becomes a
/// `Duration` or an integer of milliseconds; the ranges below then say what makes sense.
public enum DurationText {
    /// How often a device may be polled: 1 s to 1 day.
    public static let interval: ClosedRange<Duration> = .seconds(1) ... .seconds(86_400)
    /// How long one probe may wait for an answer: 50 ms to 60 s.
    public static let timeout: ClosedRange<Duration> = .milliseconds(50) ... .seconds(60)

    private static let units: [(suffix: String, milliseconds: Double)] =
        [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000)]

    /// "500ms", "30s", "5m", "1h", "1d" (a bare number is seconds), or nil for anything else,
    /// for zero, and for more than about 2,700 years.
    public static func parse(_ text: String) -> Duration? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        var number = Substring(t)
        var scale = 1000.0
        // "ms" comes first in `units`, so "500ms" is not read as "500m" + "s".
        for unit in units where t.hasSuffix(unit.suffix) {
            number = t.dropLast(unit.suffix.count)
            scale = unit.milliseconds
            break
        }
        number = Substring(number.trimmingCharacters(in: .whitespaces))
        guard let value = plainDecimal(number) else { return nil }
        let milliseconds = (value * scale).rounded()
        // 9 digits of days is under 2^63 ms, but the check keeps that true whatever the units are.
        guard milliseconds.isFinite, milliseconds >= 1, milliseconds < 9e15 else { return nil }
        return .milliseconds(Int64(milliseconds))
    }

    /// The duration `text` names when it lies in `range`, else nil.
    public static func parse(_ text: String, in range: ClosedRange<Duration>) -> Duration? {
        guard let duration = parse(text), range.contains(duration) else { return nil }
        return duration
    }

    /// Why `text` is refused, in the words every place that reads a duration uses.
    public static func problem(_ text: String, in range: ClosedRange<Duration>? = nil) -> String {
        let shown = TerminalText.quoted(text, limit: 30)
        if let range, parse(text) != nil {
            return "\(shown) is outside \(describe(range.lowerBound)) to \(describe(range.upperBound))"
        }
        return "\(shown) is not a duration; write it like 500ms, 30s, 5m or 1h"
    }

    /// Writes seconds back the way `parse` reads them: "1h", "5m", "30s", "500ms".
    ///
    /// Values no parse could have made (not finite, negative, beyond `parse`'s limit; an old
    /// database may hold one) are written as they are, "inf" say, rather than trap.
    public static func format(_ seconds: Double) -> String {
        write(seconds, units: [("h", 3_600_000), ("m", 60_000), ("s", 1000)])
    }

    /// A bound for messages, in the largest unit that divides it: "1d", "60s" as "1m", "50ms".
    public static func describe(_ duration: Duration) -> String {
        write(duration.seconds, units: [("d", 86_400_000), ("h", 3_600_000), ("m", 60_000), ("s", 1000)])
    }

    private static func write(_ seconds: Double, units: [(String, Int)]) -> String {
        let scaled = (seconds * 1000).rounded()
        guard scaled.isFinite, scaled >= 0, scaled < 9e15 else { return "\(seconds)" }
        let ms = Int(scaled)
        for (suffix, unit) in units where ms > 0 && ms % unit == 0 {
            return "\(ms / unit)\(suffix)"
        }
        return "\(ms)ms"
    }

    /// "12", "1.5", "0.25": digits, at most one point, at most 9 digits before it and 6 after.
    private static func plainDecimal(_ text: Substring) -> Double? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !text.isEmpty,
              whole.count <= 9, whole.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        if parts.count == 2 {
            let fraction = parts[1]
            guard !(whole.isEmpty && fraction.isEmpty), fraction.count <= 6,
                  fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        } else if whole.isEmpty {
            return nil
        }
        return Double(text)
    }
}

extension Duration {
    /// The duration in seconds, as a `TimeInterval`.
    public var seconds: TimeInterval {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }
}
