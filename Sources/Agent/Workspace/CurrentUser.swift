import Foundation

/// Who is at the keyboard, for the "marked by" of condition marks.
public enum CurrentUser {
    /// The `--by` name when given, else the login name (the sudo caller's, under sudo).
    public static func name(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit, !explicit.trimmingCharacters(in: .whitespaces).isEmpty { return explicit }
        for key in ["SUDO_USER", "USER", "LOGNAME"] {
            if let value = environment[key], !value.isEmpty { return value }
        }
        return "unknown"
    }
}
