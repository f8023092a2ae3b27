import Foundation

/// CPU seconds of processes, read from /proc: the bench's own (getrusage) and a server's
/// process tree, so the client's CPU and the server's can be told apart on one machine.
enum ProcessCPU {
    private static let ticks = Double(max(sysconf(Int32(_SC_CLK_TCK)), 1))

    /// This process's user + system CPU seconds so far.
    static func ownSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    /// CPU seconds of `pid` and its children: its own time, the time of the children it has
    /// reaped (PostgreSQL's backends of closed connections) and that of its children still alive.
    static func tree(_ pid: Int32) -> Double {
        guard let own = fields(pid) else { return 0 }
        var total = ticksOf(own, 14) + ticksOf(own, 15) + ticksOf(own, 16) + ticksOf(own, 17)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries {
            guard let child = Int32(entry), child != pid, let f = fields(child), ticksOf(f, 4) == Double(pid) else { continue }
            total += ticksOf(f, 14) + ticksOf(f, 15)
        }
        return total / ticks
    }

    /// The 1-, 5- and 15-minute load averages, as /proc/loadavg says them.
    static func loadAverage() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }

    /// /proc/PID/stat's fields from the third (after the command name, which may hold spaces) on.
    private static func fields(_ pid: Int32) -> [Substring]? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        return text[text.index(after: close)...].split(separator: " ")
    }

    /// Field `number` (1-based, as proc(5) numbers them) of a split stat line.
    private static func ticksOf(_ fields: [Substring], _ number: Int) -> Double {
        let index = number - 3
        guard index >= 0, index < fields.count else { return 0 }
        return Double(fields[index]) ?? 0
    }
}
