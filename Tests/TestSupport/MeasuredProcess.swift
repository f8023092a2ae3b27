import Foundation

/// Runs a program and reports its peak memory (resident set), read from the kernel's accounting of
/// exactly that program (`wait4`), for tests that bound what a command may use.
///
/// The program is started by a small launcher process (python3's `os.fork`, then `execv`), not by the
/// test process itself: Linux carries a process's peak RSS across `execve`, and `posix_spawn` runs
/// the child in the parent's address space until the exec, so a child spawned straight from the test
/// process reports the *test process's* peak when that is larger (CI saw 115 MB for a 60 MB probe
/// while other suites grew the test process). A forked launcher's own peak is a few MB.
public enum MeasuredProcess {
    /// Forks, execs the program, waits, writes its `ru_maxrss` to the file named first, exits with its status.
    static let launcher = """
        import os, sys
        pid = os.fork()
        if pid == 0:
            try:
                os.execve(sys.argv[2], sys.argv[2:], os.environ)
            finally:
                os._exit(127)
        _, status, usage = os.wait4(pid, 0)
        with open(sys.argv[1], "w") as f:
            f.write(str(usage.ru_maxrss))
        code = os.waitstatus_to_exitcode(status)
        sys.exit(code if code >= 0 else 128 - code)
        """
    static let python = "/usr/bin/python3"

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
        let rssFile = folder.appendingPathComponent("kiemke-measured-\(UUID().uuidString).rss").path
        defer { try? FileManager.default.removeItem(atPath: rssFile) }
        guard FileManager.default.isExecutableFile(atPath: Self.python) else {
            throw KiemkeProcess.RunError("\(Self.python) is needed to measure a process's memory (scripts/install-deps installs it)")
        }
        let argv = ([Self.python, "-c", Self.launcher, rssFile, program.path] + arguments).map { strdup($0) } + [nil]
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
        let spawned = posix_spawn(&pid, Self.python, &actions, nil, argv, envp)
        guard spawned == 0 else { throw KiemkeProcess.RunError("cannot start \(program.path): errno \(spawned)") }
        let child = pid
        let status: Int32 = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var raw: Int32 = 0
                while waitpid(child, &raw, 0) < 0, errno == EINTR {}
                let code = raw & 0x7F == 0 ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F)
                continuation.resume(returning: code)
            }
        }
        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        guard let maxRSS = Int(read(rssFile).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw KiemkeProcess.RunError("the launcher did not report \(program.lastPathComponent)'s memory (exit \(status)): \(read(err))")
        }
        return Outcome(status: status, maxResidentKiB: maxRSS, stdout: read(out), stderr: read(err))
    }
}
