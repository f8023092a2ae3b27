import ArgumentParser
import Inventory

/// Reads a duration option (`--interval 30s`) with the one parser the config and the CSV use.
enum DurationOption {
    /// The duration `text` names; a usage error (exit 2) saying how to write one otherwise: a
    /// bare number has no unit (`--interval 5` suggests `5m`), zero and negative are refused.
    static func parse(_ text: String) throws -> Duration {
        switch DurationText.parseRequiringUnit(text) {
        case .success(let duration): return duration
        case .failure(let problem): throw ValidationError(problem.description)
        }
    }
}
