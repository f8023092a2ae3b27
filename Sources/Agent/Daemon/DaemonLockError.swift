/// Why the daemon cannot start on a database.
public enum DaemonLockError: Error, CustomStringConvertible, Equatable {
    /// Another daemon polls this database.
    case held(database: String, pid: Int32?, lockFile: String)
    case cannotCreate(path: String, reason: String)

    public var description: String {
        switch self {
        case .held(let database, let pid, let lockFile):
            let who = pid.map { "pid \($0)" } ?? "pid unknown"
            return "another kiemke daemon (\(who)) is already polling \(database); two would record every device twice. Stop it first (`systemctl stop kiemke`, or `kill \(pid.map(String.init) ?? "PID")`); it holds \(lockFile)"
        case .cannotCreate(let path, let reason):
            return "cannot create the daemon's lock file \(path): \(reason)"
        }
    }
}
