import Foundation
import Inventory
import Synchronization

/// The logins of this process, by cookie token, kept in memory: a restart logs everyone out,
/// and the token never reaches the database or a log.
final class SessionStore: Sendable {
    private let sessions = Mutex<[String: WebSession]>([:])
    let timeout: TimeInterval

    init(timeout: TimeInterval) {
        self.timeout = timeout
    }

    /// Starts a session; returns its cookie token.
    func start(user: String, role: WebRole, now: Date = Date()) -> (token: String, session: WebSession) {
        let token = Self.randomToken()
        let session = WebSession(user: user, role: role, csrfToken: Self.randomToken(), expires: now + timeout)
        sessions.withLock { all in
            // Lapsed sessions go when a new one starts, so the table never grows without bound.
            all = all.filter { $0.value.expires > now }
            all[token] = session
        }
        return (token, session)
    }

    /// The live session of `token`, its expiry pushed on (sliding), or nil.
    func session(_ token: String?, now: Date = Date()) -> WebSession? {
        guard let token, !token.isEmpty else { return nil }
        return sessions.withLock { all in
            guard var session = all[token] else { return nil }
            if session.expires <= now { all[token] = nil; return nil }
            session.expires = now + timeout
            all[token] = session
            return session
        }
    }

    func end(_ token: String?) {
        guard let token else { return }
        _ = sessions.withLock { $0.removeValue(forKey: token) }
    }

    /// Ends every session of `user` (the account was removed or its password changed elsewhere).
    func end(user: String) {
        sessions.withLock { all in all = all.filter { $0.value.user != user } }
    }

    /// 32 bytes from the system's CSPRNG (getrandom), base64url: cookie-safe.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Compares two tokens in time that does not depend on where they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
