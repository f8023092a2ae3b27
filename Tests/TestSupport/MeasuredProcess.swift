import Foundation

/// Runs a program and reports its peak memory (resident set), read from the kernel's accounting of
/// exactly that child (`wait4`), for tests that bound what a command may use.
public enum MeasuredProcess {
    public struct Outcome: Sendable {
        public var status: Int32
        /// The child's peak resident set, in KiB (`ru_maxrss`).
        public var maxResidentKiB: Int
        public var stdout: String
        public var stderr: String
    }

    /// Runs `program arguments...` with `environment` added to a clean one; the wait happens on a thread
    /// of its own, never on the cooperative pool.
    public static func run(_ program: URL, _ arguments: [String], environment: [String: String] = [:]) async throws -> Outcome {
        let folder = FileManager.default.temporaryDirectory
        let out = folder.appendingPathComponent("kiemke-measured-\(UUID().uuidString).out").path
        let err = folder.appendingPathComponent("kiemke-measured-\(UUID().uuidString).err").path
        defer {
            try? FileManager.default.removeItem(atPath: out)
            try? FileManager.default.removeItem(atPath: err)
        }
        var env = ["PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"]
        env.merge(environment) { _, new in new }
        let argv = ([program.path] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, program.path, &actions, nil, argv, envp)
        guard spawned == 0 else { throw KiemkeProcess.RunError("cannot start \(program.path): errno \(spawned)") }
        let child = pid
        let (status, maxRSS): (Int32, Int) = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var raw: Int32 = 0
                var usage = rusage()
                while wait4(child, &raw, 0, &usage) < 0, errno == EINTR {}
                let code = raw & 0x7F == 0 ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F)
                continuation.resume(returning: (code, usage.ru_maxrss))
            }
        }
        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        return Outcome(status: status, maxResidentKiB: maxRSS, stdout: read(out), stderr: read(err))
    }
}
