import Foundation

/// Runs the built `kiemke` binary the way a user does, for end-to-end tests.
///
/// Runs are awaited, never waited for on a thread: on a 2-core machine the cooperative pool has two
/// threads, and one test blocking them would stall every other test's timing.
public enum KiemkeProcess {
    /// What one run printed and how it ended.
    public struct Outcome: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The built binary: `$KIEMKE_BIN`, else `.build/debug/kiemke` in the package.
    public static var binary: URL? {
        if let path = ProcessInfo.processInfo.environment["KIEMKE_BIN"] { return URL(fileURLWithPath: path) }
        for folder in [".build/debug", ".build/x86_64-unknown-linux-gnu/debug", ".build/aarch64-unknown-linux-gnu/debug"] {
            let url = SharedFixtures.packageRoot.appendingPathComponent(folder).appendingPathComponent("kiemke")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// Runs `kiemke arguments...` with `environment` added to a clean one, and awaits its exit.
    public static func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> Outcome {
        guard let binary else {
            throw RunError("the kiemke binary is not built; run `swift build` first")
        }
        return try await run(binary, arguments, environment: environment)
    }

    /// Runs any program and awaits its exit, capturing its output in files (no pipe can fill up).
    /// Through `ChildProcess` (posix_spawn, waitpid), so no other test's child can hide its exit;
    /// a run still going after half an hour is killed and reported.
    public static func run(_ program: URL, _ arguments: [String], environment: [String: String] = [:]) async throws -> Outcome {
        var env = ["PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"]
        env.merge(environment) { _, new in new }
        let run = try await ChildProcess.outcome(program.path, arguments, environment: env, seconds: 1_800)
        return Outcome(status: run.status, stdout: run.stdout, stderr: run.stderr)
    }

    public struct RunError: Error, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }
}
