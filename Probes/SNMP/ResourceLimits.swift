#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's open-file limit, which bounds how many sessions and connects can be open at once.
///
/// Every SNMP session and every TCP connect in flight is one descriptor. Debian's default soft
/// limit (1,024; systemd services too) is below what 1,024 sessions plus 1,024 connects need,
/// while the hard limit is usually far higher (524,288 under systemd): the executable raises the
/// soft limit towards the hard one once, at start (`raiseOpenFilesLimit`); a library changes no
/// process-wide setting and only reads the limit in force.
public enum ResourceLimits {
    /// The soft limit is never raised past this: enough for the largest `probe.concurrency`
    /// (10,000) on both probes, and small enough that `select` bitmaps stay cheap.
    public static let openFilesCeiling = 32_768

    /// Descriptors left for everything that is not a session: the database, ICMP sockets,
    /// the engine's wake-up pipe, log files, the runtime's own.
    public static let reservedDescriptors = 64

    /// The soft `RLIMIT_NOFILE` in force now.
    public static var openFiles: Int {
        var limit = rlimit()
        guard getrlimit(resourceNoFile, &limit) == 0 else { return 1_024 }
        return clamp(limit.rlim_cur)
    }

    /// Raises the soft `RLIMIT_NOFILE` to `min(hard, openFilesCeiling)` (never lowers it); returns
    /// the limit in force afterwards. For the executable to call once, before the first engine.
    @discardableResult
    public static func raiseOpenFilesLimit() -> Int {
        raiseOpenFiles(to: openFilesCeiling)
    }

    /// Raises the soft `RLIMIT_NOFILE` to `min(hard, wanted)` if it is below that; returns the soft
    /// limit in force afterwards. Never lowers it.
    static func raiseOpenFiles(to wanted: Int) -> Int {
        var limit = rlimit()
        guard getrlimit(resourceNoFile, &limit) == 0 else { return 1_024 }
        let current = clamp(limit.rlim_cur)
        let target = min(clamp(limit.rlim_max), wanted)
        guard target > current else { return current }
        limit.rlim_cur = rlim_t(target)
        return setrlimit(resourceNoFile, &limit) == 0 ? target : current
    }

    /// How many sessions an engine asked for `requested` may really keep open: at most half of the
    /// descriptors left after `reservedDescriptors`, since TCP connects run beside the sessions
    /// (`DeviceProber` gives both the same concurrency), and at least 1.
    public static func sessionBound(requested: Int, openFiles: Int = ResourceLimits.openFiles) -> Int {
        max(1, min(requested, (openFiles - reservedDescriptors) / 2))
    }

    private static func clamp(_ value: rlim_t) -> Int {
        // RLIM_INFINITY is all ones: above Int.max.
        value > rlim_t(Int.max) ? Int.max : Int(value)
    }

    #if canImport(Glibc)
    private static let resourceNoFile = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    #else
    private static let resourceNoFile = RLIMIT_NOFILE
    #endif
}
