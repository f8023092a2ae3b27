import ArgumentParser
import Inventory

/// Reads a duration option (`--interval 30s`) with the one parser the config and the CSV use.
enum DurationOption {
    /// The duration `text` names; a usage error (exit 2) saying how to write one otherwise.
    static func parse(_ text: String) throws -> Duration {
        guard let duration = DurationText.parse(text) else { throw ValidationError(DurationText.problem(text)) }
        return duration
    }
}
