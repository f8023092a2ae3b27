/// Why the spill file could not be read.
public enum SpillError: Error, CustomStringConvertible, Equatable {
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "cannot read the observations saved in \(path) at the last stop: \(reason)"
        }
    }
}
