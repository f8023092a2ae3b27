import Foundation

/// Who is at the keyboard, for the "marked by" of condition marks.
public enum CurrentUser {
    /// The `--by` name when given, else the login name (the sudo caller's, under sudo), else the
    /// name of the account the process runs as (a cron job or a service has no `$USER`).
    public static func name(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                            uid: uid_t = getuid()) -> String {
        if let explicit, !explicit.trimmingCharacters(in: .whitespaces).isEmpty { return explicit }
        for key in ["SUDO_USER", "USER", "LOGNAME"] {
            if let value = environment[key], !value.isEmpty { return value }
        }
        return accountName(uid: uid) ?? "uid \(uid)"
    }

    /// The account name of `uid` from the password database (getpwuid_r), nil when it has none.
    static func accountName(uid: uid_t) -> String? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        let status = getpwuid_r(uid, &entry, &buffer, buffer.count, &result)
        guard status == 0, result != nil, let name = entry.pw_name else { return nil }
        let text = String(cString: name)
        return text.isEmpty ? nil : text
    }
}
