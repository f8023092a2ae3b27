/// A sample of durations in milliseconds, summarised the way BENCHMARKS.md reports them.
struct Timings: Sendable {
    private(set) var milliseconds: [Double] = []

    mutating func add(_ duration: Duration) {
        milliseconds.append(Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15)
    }

    /// The value below which `fraction` of the sample lies (nearest rank).
    func percentile(_ fraction: Double) -> Double {
        guard !milliseconds.isEmpty else { return 0 }
        let sorted = milliseconds.sorted()
        let rank = min(sorted.count - 1, max(0, Int((fraction * Double(sorted.count)).rounded(.up)) - 1))
        return sorted[rank]
    }

    /// Median, 95th percentile, maximum, first and count, for JSON output.
    var summary: [String: Double] {
        ["median": percentile(0.5), "p95": percentile(0.95), "max": milliseconds.max() ?? 0,
         "first": milliseconds.first ?? 0, "count": Double(milliseconds.count)]
    }
}
