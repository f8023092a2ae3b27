import Foundation

/// A `scripts/testbed` office network for one test: unique name, torn down even when the test fails.
public struct Testbed: Sendable {
    /// What a command run in the test bed printed and how it ended.
    public struct Output: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
        /// Seconds from start to exit, including process start-up.
        public let seconds: Double
    }

    /// The test bed's name (namespaces `kiemke-NAME-p` and `kiemke-NAME-o`).
    public let name: String

    /// The script that builds test beds.
    public static let script = SharedFixtures.packageRoot.appendingPathComponent("scripts/testbed")

    /// The built `kiemke` executable the prober side runs (`swift build` makes it before `swift test`).
    public static let kiemkeBinary = SharedFixtures.packageRoot.appendingPathComponent(".build/debug/kiemke")

    /// Why test-bed tests cannot run here, or nil when they can.
    public static var unavailableReason: String? {
        if !SharedFixtures.isRoot { return "test beds need root (network namespaces)" }
        if !FileManager.default.isExecutableFile(atPath: kiemkeBinary.path) {
            return "no built kiemke at \(kiemkeBinary.path): run `swift build` before `swift test`"
        }
        if !FileManager.default.fileExists(atPath: "/dev/net/tun") { return "no /dev/net/tun" }
        return nil
    }

    /// Builds a test bed, runs `body` with it and always tears it down.
    ///
    /// `delayMs` is one-way (a round trip takes twice it); `lossPct` applies in each direction.
    public static func with<Result>(delayMs: Double = 0, lossPct: Double = 0,
                                    _ body: (Testbed) async throws -> Result) async throws -> Result {
        // Test beds of earlier test runs that crashed before their teardown go first.
        _ = try? await run([script.path, "prune"])
        let testbed = Testbed(name: "t\(getpid())-\(UInt32.random(in: 0...UInt32.max) % 0xffffff)")
        defer { _ = try? runBlocking([script.path, "down", testbed.name]) }
        var arguments = [script.path, "up", testbed.name]
        if delayMs > 0 { arguments += ["--delay-ms", "\(delayMs)"] }
        if lossPct > 0 { arguments += ["--loss-pct", "\(lossPct)"] }
        let up = try await run(arguments)
        guard up.status == 0 else { throw TestbedError.upFailed(up.stderr) }
        return try await body(testbed)
    }

    /// Runs a command in the prober namespace.
    public func exec(_ arguments: [String]) async throws -> Output {
        try await Self.run([Self.script.path, "exec", name, "--"] + arguments)
    }

    /// Runs a command in the office namespace.
    public func office(_ arguments: [String]) async throws -> Output {
        try await Self.run([Self.script.path, "office", name, "--"] + arguments)
    }

    /// Runs the built `kiemke` in the prober namespace, as root or (with `unprivileged`) as nobody.
    public func kiemke(_ arguments: [String], unprivileged: Bool = false) async throws -> Output {
        guard unprivileged else { return try await exec([Self.kiemkeBinary.path] + arguments) }
        // nobody may not reach into .build under a private home: give it its own copy.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiemke-\(name)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o755])
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("kiemke")
        try FileManager.default.copyItem(at: Self.kiemkeBinary, to: copy)
        return try await exec(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", copy.path] + arguments)
    }

    /// Runs a program to completion without holding a thread of the cooperative pool.
    public static func run(_ arguments: [String]) async throws -> Output {
        let start = Date()
        let run = try await ChildProcess.outcome(arguments[0], Array(arguments.dropFirst()),
                                                 environment: ProcessInfo.processInfo.environment, seconds: 600)
        return Output(status: run.status, stdout: run.stdout, stderr: run.stderr, seconds: Date().timeIntervalSince(start))
    }

    private static func runBlocking(_ arguments: [String]) throws -> Output {
        let folder = FileManager.default.temporaryDirectory
        let out = folder.appendingPathComponent("testbed-\(UUID().uuidString).out").path
        let err = folder.appendingPathComponent("testbed-\(UUID().uuidString).err").path
        defer {
            try? FileManager.default.removeItem(atPath: out)
            try? FileManager.default.removeItem(atPath: err)
        }
        let child = try ChildProcess(arguments[0], Array(arguments.dropFirst()), output: out, errors: err)
        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        guard let status = child.waitBlocking(seconds: 600) else {
            kill(-child.pid, SIGKILL)
            throw KiemkeProcess.RunError("\(arguments.joined(separator: " ")) did not finish within 600 s: \(read(err))")
        }
        return Output(status: status, stdout: read(out), stderr: read(err), seconds: 0)
    }

}
