/// Starts a shared fixture once per test process, however many parallel tests ask for it at the same time.
public actor SNMPStartOnce<Value: Sendable> {
    private var started: Task<Value, any Error>?

    public init() {}

    /// The value of the first `start` call; later callers wait for it (and share its failure).
    public func value(_ start: @escaping @Sendable () async throws -> Value) async throws -> Value {
        if let started { return try await started.value }
        let task = Task { try await start() }
        started = task
        return try await task.value
    }
}
