import Foundation

/// Runs a blocking event loop on its own thread and awaits its result.
///
/// The probes block in `poll(2)` for up to seconds; doing that on the cooperative pool
/// (two threads on a two-core box) would stall every other task, so each sweep gets one
/// thread — one per sweep, never one per target.
enum DedicatedThread {
    static func run<Result: Sendable>(name: String,
                                      _ work: @escaping @Sendable () -> Result) async -> Result {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: work())
            }
            thread.name = name
            thread.start()
        }
    }
}
