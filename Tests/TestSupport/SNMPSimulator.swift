import Foundation

/// One snmpsim per test process, serving every recording of `../shared/snmp/recordings` and `corpus` on loopback.
///
/// snmpsim answers each `NAME.snmprec` under community `NAME`. It starts lazily on first use (tests run in
/// parallel: the actor makes them share one start) and is killed when the test process exits.
public final class SNMPSimulator: Sendable {
    /// The process-wide simulator.
    public static let shared = SNMPSimulator()

    /// Where the simulator listens.
    public struct Endpoint: Sendable {
        public let address: String
        public let port: UInt16
    }

    /// Why the simulator cannot run here (tests skip with this reason).
    public static var unavailableReason: String? {
        if SharedFixtures.shared("snmp/recordings") == nil { return "../shared/snmp/recordings is missing" }
        if !FileManager.default.isExecutableFile(atPath: responderPath) { return "snmpsim is not installed at \(responderPath)" }
        return nil
    }

    /// The folders of `../shared` whose recordings are served (names are unique across them).
    public static let recordingFolders = ["snmp/recordings", "snmp/corpus"]

    /// The names of the recordings (each is also the community that serves it).
    public static var recordingNames: [String] { recordingFiles.map(\.name) }

    /// Every recording and the file it comes from, sorted by name.
    public static var recordingFiles: [(name: String, file: URL)] {
        recordingFolders.flatMap { folder -> [(name: String, file: URL)] in
            guard let dir = SharedFixtures.shared(folder),
                  let files = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
            return files.filter { $0.hasSuffix(".snmprec") }
                .map { (String($0.dropLast(".snmprec".count)), dir.appendingPathComponent($0)) }
        }.sorted { $0.name < $1.name }
    }

    static let responderPath = "/opt/snmpsim-venv/bin/snmpsim-command-responder"

    private let once = SNMPStartOnce<Endpoint>()

    /// Starts snmpsim if needed and waits until it answers.
    public func endpoint() async throws -> Endpoint { try await once.value { try await Self.start() } }

    private static func start() async throws -> Endpoint {
        guard SharedFixtures.shared("snmp/recordings") != nil else { throw SimulatorError("no recordings") }
        let fm = FileManager.default
        let base = fm.temporaryDirectory.appendingPathComponent("kiemke-snmpsim-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: base)
        let data = base.appendingPathComponent("data")
        let cache = base.appendingPathComponent("cache")
        try fm.createDirectory(at: data, withIntermediateDirectories: true)
        try fm.createDirectory(at: cache, withIntermediateDirectories: true)
        for (name, file) in Self.recordingFiles {
            try fm.copyItem(at: file, to: data.appendingPathComponent("\(name).snmprec"))
        }
        let port = SNMPChildProcess.freeUDPPort()
        var arguments = [Self.responderPath, "--data-dir=\(data.path)", "--cache-dir=\(cache.path)",
                         "--agent-udpv4-endpoint=127.0.0.1:\(port)"]
        if SharedFixtures.isRoot {
            // As root snmpsim insists on dropping privileges; its files must belong to that user.
            SNMPChildProcess.run(["/bin/chmod", "755", base.path])
            SNMPChildProcess.run(["/bin/chown", "-R", "snmpsim:snmpsim", base.path])
            arguments += ["--process-user=snmpsim", "--process-group=snmpsim"]
        }
        let child = try SNMPChildProcess(arguments: arguments, logFile: fm.temporaryDirectory
            .appendingPathComponent("kiemke-snmpsim-\(ProcessInfo.processInfo.processIdentifier).log"), removeOnExit: base)
        let first = Self.recordingNames.first ?? "linux"
        // snmpsim indexes the files before answering: poll (an absent OID still answers under v2c).
        guard await SNMPChildProcess.waitUntilAnswering(["-v2c", "-c", first, "127.0.0.1:\(port)", "1.3.6.1.2.1.1.1.0"], seconds: 60)
        else {
            child.stop()
            throw SimulatorError("snmpsim did not answer within 60 s:\n\(child.log())")
        }
        return Endpoint(address: "127.0.0.1", port: port)
    }
}

/// A fixture failed to start; the message says what it printed.
public struct SimulatorError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
