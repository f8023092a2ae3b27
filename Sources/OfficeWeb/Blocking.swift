import Dispatch

/// Runs the store's blocking SQLite work on threads of its own, not on Swift's cooperative pool,
/// which on a 2-core office PC has two threads that the daemon's polling needs too.
enum Blocking {
    private static let queue = DispatchQueue(label: "kiemke.web.store", attributes: .concurrent)

    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}
