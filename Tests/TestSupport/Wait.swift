import Foundation

/// Waiting, with a deadline, for something a daemon or an agent does in its own time.
public enum Wait {
    /// Whether `condition` holds within `seconds`, asked every `every` and once more at the deadline.
    public static func until(_ seconds: Double, every interval: Duration = .milliseconds(300),
                             _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: interval)
        }
        return try await condition()
    }
}
