import Foundation
import Synchronization

/// Failed logins counted per client address and per account name: after `limit` failures in
/// `window`, more attempts are refused until the window has passed, so a password cannot be guessed
/// from the LAN at bcrypt's speed.
final class LoginThrottle: Sendable {
    let limit: Int
    let window: TimeInterval
    private let failures = Mutex<[String: [Date]]>([:])

    init(limit: Int = 5, window: TimeInterval = 15 * 60) {
        self.limit = limit
        self.window = window
    }

    /// Whether a login from `address` for `name` may be tried now.
    func allows(address: String, name: String, now: Date = Date()) -> Bool {
        failures.withLock { all in
            [Self.key("ip", address), Self.key("name", name)].allSatisfy { key in
                (all[key] ?? []).filter { now.timeIntervalSince($0) < window }.count < limit
            }
        }
    }

    func failed(address: String, name: String, now: Date = Date()) {
        failures.withLock { all in
            if all.count > 10_000 { all = all.filter { $0.value.contains { now.timeIntervalSince($0) < window } } }
            for key in [Self.key("ip", address), Self.key("name", name)] {
                all[key, default: []] = (all[key] ?? []).filter { now.timeIntervalSince($0) < window } + [now]
            }
        }
    }

    func succeeded(address: String, name: String) {
        _ = failures.withLock { $0.removeValue(forKey: Self.key("name", name)) }
    }

    private static func key(_ kind: String, _ value: String) -> String { kind + ":" + value.lowercased() }
}
