import Foundation

/// Runs the built `kiemke` binary the way a user does, for end-to-end tests.
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

    /// Runs `kiemke arguments...` with `environment` added to a clean one, and waits for it.
    public static func run(_ arguments: [String], environment: [String: String] = [:],
                           executable: URL? = nil, stdin: Data? = nil) throws -> Outcome {
        guard let binary = executable ?? binary else {
            throw RunError("the kiemke binary is not built; run `swift build` first")
        }
        return try run(binary, arguments, environment: environment, stdin: stdin)
    }

    /// Runs any program and waits for it, capturing its output.
    public static func run(_ program: URL, _ arguments: [String], environment: [String: String] = [:],
                           stdin: Data? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        var env = ["PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"]
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read both pipes before waiting, so a chatty child never blocks on a full pipe. outData is
        // written by the one background block and read only after group.wait(), which orders the two.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                       stderr: String(decoding: errData, as: UTF8.self))
    }

    public struct RunError: Error, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }
}
