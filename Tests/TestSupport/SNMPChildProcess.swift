import Foundation

/// A peer process (snmpsim, snmpd) a test started, killed when the test process ends, even by a crash.
///
/// The command runs under a small shell guard that polls the test process's PID and kills the child
/// (and itself) once the test process is gone, so no agent outlives a test run.
public final class SNMPChildProcess: Sendable {
    private let process: Process
    /// Where the child's output goes (for failure messages).
    public let logFile: URL

    /// Starts `arguments` (argv, absolute program path first) under the parent-PID guard.
    /// `removeOnExit` (a scratch directory) is deleted once the child is gone.
    public init(arguments: [String], logFile: URL, environment: [String: String] = [:], removeOnExit: URL? = nil) throws {
        let quoted = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let parent = ProcessInfo.processInfo.processIdentifier
        // Guard: child in background, watch the test process, kill the child when it goes. A zombie counts
        // as gone: `swift test` reaps the test process only after its output pipes close.
        let script = """
        \(quoted) >>'\(logFile.path)' 2>&1 &
        child=$!
        trap 'kill $child 2>/dev/null; exit 0' TERM INT
        alive() { s=$(ps -o stat= -p \(parent)) && [ "${s#Z}" = "$s" ]; }
        while alive && kill -0 $child 2>/dev/null; do sleep 0.5; done
        kill $child 2>/dev/null
        sleep 0.5
        kill -9 $child 2>/dev/null
        \(removeOnExit.map { "rm -rf '\($0.path)' '\(logFile.path)'" } ?? "")
        """
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        // Not the test's own pipes: `swift test` waits for them to close before it finishes.
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        self.logFile = logFile
    }

    /// Stops the child now (the guard kills it and exits).
    public func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    /// The child's output so far.
    public func log() -> String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    /// A UDP port on 127.0.0.1 that nothing listens on right now.
    public static func freeUDPPort() -> UInt16 { SNMPBlackHole(count: 1).ports[0] }

    /// Runs a short command and returns its exit status (used for readiness polls with snmpget).
    @discardableResult
    public static func run(_ arguments: [String]) -> Int32 {
        // ChildProcess, not Process: its exit is waitpid's answer, which no other child can hold up.
        var env = ProcessInfo.processInfo.environment
        env["MIBS"] = ""
        guard let child = try? ChildProcess(arguments[0], Array(arguments.dropFirst()), environment: env, output: "/dev/null")
        else { return -1 }
        guard let status = child.waitBlocking(seconds: 300) else {
            kill(-child.pid, SIGKILL)
            return -1
        }
        return status
    }

    /// Polls `snmpget` until the agent answers `oid` or `seconds` pass.
    public static func waitUntilAnswering(_ arguments: [String], seconds: Double) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if run(["/usr/bin/snmpget", "-r", "0", "-t", "1"] + arguments) == 0 { return true }
            try? await Task.sleep(for: .milliseconds(300))
        }
        return false
    }
}
