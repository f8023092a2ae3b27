import Foundation

/// A program left running while a test works (the daemon), killed when the test is done with it.
public final class BackgroundProcess: @unchecked Sendable {
    // @unchecked: `process` is a Foundation.Process, which is thread-safe for the calls made
    // here (signal, isRunning, terminationStatus); the log is only read from the file.
    private let process = Process()
    /// Where its stderr (the log) goes.
    public let logFile: URL

    /// Starts `program arguments...` with `environment` added to a minimal one; stdout and stderr go to `logFile`.
    public init(_ program: URL, _ arguments: [String], environment: [String: String] = [:], logFile: URL) throws {
        self.logFile = logFile
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let handle = try FileHandle(forWritingTo: logFile)
        process.executableURL = program
        process.arguments = arguments
        var env = ["PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"]
        env.merge(environment) { _, new in new }
        process.environment = env
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    public var pid: Int32 { process.processIdentifier }
    public var isRunning: Bool { process.isRunning }

    /// Sends `signal` (SIGTERM, SIGKILL, SIGHUP...).
    public func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits up to `seconds` for it to exit; returns its exit status, or nil if it is still running.
    public func wait(seconds: Double) async -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { try? await Task.sleep(for: .milliseconds(20)) }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// How it ended: the exit status, or the signal that killed it.
    public var terminationReason: Process.TerminationReason { process.terminationReason }

    /// What it has logged so far.
    public var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    /// Waits up to `seconds` until the log contains `text`.
    @discardableResult
    public func waitForLog(_ text: String, seconds: Double) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if log.contains(text) { return true }
            if !process.isRunning { return log.contains(text) }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}
