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
    public static func run(_ program: URL, _ arguments: [String], environment: [String: String] = [:]) async throws -> Outcome {
        let folder = FileManager.default.temporaryDirectory
        let out = folder.appendingPathComponent("kiemke-run-\(UUID().uuidString).out")
        let err = folder.appendingPathComponent("kiemke-run-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        var env = ["PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"]
        env.merge(environment) { _, new in new }
        process.environment = env
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            // The handler is set before the launch, so a fast exit cannot be missed.
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        let read = { (url: URL) in (try? String(contentsOf: url, encoding: .utf8)) ?? "" }
        return Outcome(status: status, stdout: read(out), stderr: read(err))
    }

    public struct RunError: Error, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }
}
