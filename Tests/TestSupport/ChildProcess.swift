import Foundation
import Glibc
import Synchronization

/// A program run by `posix_spawn`, its exit noticed by a thread of its own blocked in `waitpid`,
/// and every wait for it bounded: every program a test runs to its end goes through it
/// (`KiemkeProcess.run`, `Testbed.run`, `SNMPChildProcess.run`, the PostgreSQL tools).
///
/// Why not Foundation's `Process`: on Linux it notices a child's exit when the last copy of a
/// socket the child inherits is closed, and that socket is not close-on-exec. Any other suite
/// spawning at the same moment can hand a copy to its own long-lived child (an snmpsim, a
/// daemon), and then the exit of `pg_ctl` or `initdb` is never noticed: the PostgreSQL tests
/// stalled that way beside other suites, with no server left and the runner waiting for good, and
/// so did a test bed's `chown` once, beside a suite starting its snmpsim agents.
/// Here the child inherits nothing (every descriptor above 2 is closed in it), and its exit is
/// `waitpid`'s answer, which nothing else can hold up.
public final class ChildProcess: Sendable {
    /// What one run printed and how it ended.
    public struct Outcome: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public let pid: pid_t
    public let program: String
    /// Where its stdout (and its stderr, unless `errors` was given) goes.
    public let output: String
    /// The exit status (or 128 + signal) once `waitpid` has reported it; apart from `self`, so
    /// that the waiting thread does not keep the child's owner (and its `deinit`) alive.
    private final class Exit: Sendable {
        let status = Mutex<Int32?>(nil)
    }
    private let exit = Exit()

    /// Starts `program arguments...` with `environment` (the test's own when nil), in `directory`,
    /// its stdout appended to `output` and its stderr to `errors` (or `output`), stdin from
    /// /dev/null, in a process group of its own.
    public init(_ program: String, _ arguments: [String], environment: [String: String]? = nil, directory: String? = nil,
         output: String, errors: String? = nil) throws {
        self.program = program
        self.output = output
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        if let errors {
            posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        if let directory { _ = Self.addChdir(&actions, directory) }
        // Nothing of the test process (sockets of other children, the database files) leaks in.
        _ = Self.addClosefrom(&actions, 3)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)

        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let result = posix_spawn(&child, program, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw KiemkeProcess.RunError("\(program) could not be started: \(String(cString: strerror(result)))")
        }
        pid = child
        let spawned = child
        // A thread of its own (never one of the cooperative pool's two) blocks in waitpid.
        let exit = self.exit
        let thread = Thread {
            var raw: Int32 = 0
            while waitpid(spawned, &raw, 0) == -1 && errno == EINTR {}
            let code = raw & 0x7f == 0 ? (raw >> 8) & 0xff : 128 + (raw & 0x7f)
            exit.status.withLock { $0 = code }
        }
        thread.start()
    }

    // glibc's posix_spawn_file_actions_addchdir_np (2.29) and _addclosefrom_np (2.34), which
    // Swift's Glibc module does not declare: looked up by name.
    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    private typealias AddClosefrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private static let addChdir: AddChdir = {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addchdir_np") else { return { _, _ in ENOSYS } }
        return unsafeBitCast(symbol, to: AddChdir.self)
    }()
    private static let addClosefrom: AddClosefrom = {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return { _, _ in ENOSYS } }
        return unsafeBitCast(symbol, to: AddClosefrom.self)
    }()

    /// Its exit status, or nil while it runs.
    public var exitStatus: Int32? { exit.status.withLock { $0 } }
    public var isRunning: Bool { exitStatus == nil }

    /// Sends `signal` to it alone.
    public func send(_ signal: Int32) {
        if isRunning { kill(pid, signal) }
    }

    /// Awaits its exit for at most `seconds` (polling: no thread of the pool is held); nil if it still runs.
    public func wait(seconds: Double) async -> Int32? {
        let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
        while ContinuousClock.now < deadline {
            if let code = exitStatus { return code }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return exitStatus
    }

    /// Blocks the calling thread until it exits (for the few synchronous callers, never on the
    /// cooperative pool in a loop of its own): the exit status, or nil after `seconds`.
    public func waitBlocking(seconds: Double) -> Int32? {
        let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
        while ContinuousClock.now < deadline {
            if let code = exitStatus { return code }
            usleep(5_000)
        }
        return exitStatus
    }

    /// What it has written to `output` so far.
    public var log: String { (try? String(contentsOfFile: output, encoding: .utf8)) ?? "" }

    /// Waits up to `seconds` until `output` contains `text`.
    public func waitForLog(_ text: String, seconds: Double) async -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
        while ContinuousClock.now < deadline {
            if log.contains(text) { return true }
            if !isRunning { return log.contains(text) }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    /// Starts the built `kiemke` with `arguments`, in a clean environment plus `environment`, its
    /// output (stdout and stderr) going to `log`.
    public static func kiemke(_ arguments: [String], environment: [String: String] = [:], log: URL) throws -> ChildProcess {
        guard let binary = KiemkeProcess.binary else { throw KiemkeProcess.RunError("the kiemke binary is not built; run `swift build` first") }
        return try ChildProcess(binary.path, arguments, environment: cleanEnvironment(environment), output: log.path)
    }

    /// Runs the built `kiemke` with `arguments` to its end, within `seconds`, as a user would.
    public static func kiemke(_ arguments: [String], environment: [String: String] = [:], seconds: Double = 180) async throws -> Outcome {
        guard let binary = KiemkeProcess.binary else { throw KiemkeProcess.RunError("the kiemke binary is not built; run `swift build` first") }
        return try await outcome(binary.path, arguments, environment: cleanEnvironment(environment), seconds: seconds)
    }

    /// Runs `command` with /bin/sh to its end, within `seconds`.
    public static func shell(_ command: String, environment: [String: String] = [:], seconds: Double = 180) async throws -> Outcome {
        try await outcome("/bin/sh", ["-c", command], environment: cleanEnvironment(environment), seconds: seconds)
    }

    private static func cleanEnvironment(_ extra: [String: String]) -> [String: String] {
        var env = ["PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"]
        env.merge(extra) { _, new in new }
        return env
    }

    /// Runs `program` within `seconds` and returns its status, stdout and stderr; throws when it overruns.
    public static func outcome(_ program: String, _ arguments: [String], environment: [String: String],
                                seconds: Double) async throws -> Outcome {
        let folder = FileManager.default.temporaryDirectory
        let out = folder.appendingPathComponent("kiemke-child-\(UUID().uuidString).out").path
        let err = folder.appendingPathComponent("kiemke-child-\(UUID().uuidString).err").path
        defer {
            try? FileManager.default.removeItem(atPath: out)
            try? FileManager.default.removeItem(atPath: err)
        }
        let child = try ChildProcess(program, arguments, environment: environment, output: out, errors: err)
        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        guard let code = await child.wait(seconds: seconds) else {
            kill(-child.pid, SIGKILL)
            _ = await child.wait(seconds: 10)
            throw KiemkeProcess.RunError("\(([program] + arguments).joined(separator: " ")) did not finish within \(Int(seconds)) s: \(read(err))")
        }
        return Outcome(status: code, stdout: read(out), stderr: read(err))
    }

    /// Runs `program` to its end within `seconds`; throws with its output when it fails or overruns
    /// (then its whole process group is killed).
    @discardableResult
    public static func run(_ program: String, _ arguments: [String], environment: [String: String]? = nil,
                    directory: String? = nil, seconds: Double) async throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("kiemke-child-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let child = try ChildProcess(program, arguments, environment: environment, directory: directory, output: output)
        let code = await child.wait(seconds: seconds)
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        let command = ([program] + arguments).joined(separator: " ")
        guard let code else {
            kill(-child.pid, SIGKILL)
            _ = await child.wait(seconds: 10)
            throw KiemkeProcess.RunError("\(command) did not finish within \(Int(seconds)) s: \(text)")
        }
        guard code == 0 else { throw KiemkeProcess.RunError("\(command) failed (\(code)): \(text)") }
        return text
    }

    deinit {
        // A child left running is killed with its group; its waiter thread then reaps it.
        if isRunning { kill(-pid, SIGKILL) }
    }
}
