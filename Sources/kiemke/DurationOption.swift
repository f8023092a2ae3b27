import ArgumentParser
import Inventory

/// Reads a duration option (`--interval 30s`) with the one parser the config and the CSV use.
enum DurationOption {
    /// `daemon --interval` may go below the config's 1 s, down to 100 ms: the tests and the demo
    /// run whole daemon cycles in a fraction of a second. The upper bound is the config's.
    static let daemonInterval: ClosedRange<Duration> = .milliseconds(100) ... DurationText.interval.upperBound

    /// A poll interval (1 s to 1 day), as the config and the CSV `interval` column take it.
    static func interval(_ text: String) throws -> Duration {
        try parse(text, in: DurationText.interval)
    }

    /// The daemon's `--interval` override: 100 ms to 1 day.
    static func daemonInterval(_ text: String) throws -> Duration {
        try parse(text, in: daemonInterval)
    }

    /// The duration `text` names within `range`; a usage error (exit 2) saying how to write one
    /// otherwise: a bare number has no unit (`--interval 5` suggests `5m`), zero and negative are refused.
    static func parse(_ text: String, in range: ClosedRange<Duration>) throws -> Duration {
        switch DurationText.parseRequiringUnit(text, in: range) {
        case .success(let duration): return duration
        case .failure(let problem): throw ValidationError(problem.description)
        }
    }
}
