import Foundation

/// Decides which database file to use when the user names none.
public enum DatabaseLocation {
    /// The database path from, in order: `--db`, `$KIEMKE_DB`, the config's `database`, then the default.
    ///
    /// The default is `/var/lib/kiemke/kiemke.sqlite` for root (the daemon's system install), else
    /// `$XDG_DATA_HOME/kiemke/kiemke.sqlite`, else `~/.local/share/kiemke/kiemke.sqlite`.
    public static func resolve(flag: String?, configured: String?, environment: [String: String],
                               isRoot: Bool) -> String {
        if let flag, !flag.isEmpty { return expand(flag, environment) }
        if let env = environment["KIEMKE_DB"], !env.isEmpty { return expand(env, environment) }
        if let configured, !configured.isEmpty { return expand(configured, environment) }
        return defaultPath(environment: environment, isRoot: isRoot)
    }

    /// Where the database lives when nothing names it.
    public static func defaultPath(environment: [String: String], isRoot: Bool) -> String {
        if isRoot { return "/var/lib/kiemke/kiemke.sqlite" }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return xdg + "/kiemke/kiemke.sqlite"
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/kiemke/kiemke.sqlite"
    }

    private static func expand(_ path: String, _ environment: [String: String]) -> String {
        guard path.hasPrefix("~/") else { return path }
        return (environment["HOME"] ?? NSHomeDirectory()) + path.dropFirst()
    }
}
