import Foundation
import GRDB
import Testing
import TestSupport

/// A small tmpfs the test mounts, so that "disk full" and "read-only" are real file-system states.
final class SmallFilesystem {
    let folder = TemporaryDirectory()
    var path: String { folder.url.path }

    init(size: String) throws {
        guard Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", folder.url.path]) == 0 else {
            throw KiemkeProcess.RunError("cannot mount a tmpfs on \(folder.url.path)")
        }
    }

    /// mount, umount and dd return at once; waiting for them on this thread is harmless.
    private static func run(_ program: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Fills the file system to the last byte.
    func fill() throws {
        _ = Self.run("/bin/dd", ["if=/dev/zero", "of=\(path)/filler", "bs=4k"])
    }

    func free() throws {
        try FileManager.default.removeItem(atPath: "\(path)/filler")
    }

    deinit {
        _ = Self.run("/bin/umount", ["-l", folder.url.path])
    }
}

@Suite("Daemon faults: a full disk", .serialized,
       .enabled(if: SharedFixtures.isRoot && CLI.available, "needs root (mounts a small tmpfs) and the built kiemke binary"))
struct DaemonFaultTests {
    /// Imports 60 devices into a database on `fs` and starts the daemon; the CLI's folder holds the log.
    static func setUp(_ fs: SmallFilesystem, _ cli: CLI) async throws -> (String, BackgroundProcess) {
        let database = fs.path + "/kiemke.sqlite"
        try cli.folder.write("devices.csv", "name,kind,address\n" + (1...60).map { "CAM-\($0),camera,127.23.0.\($0)\n" }.joined())
        let imported = try await KiemkeProcess.run(["devices", "import", cli.folder.path("devices.csv")], environment: ["KIEMKE_DB": database])
        guard imported.status == 0 else { throw KiemkeProcess.RunError(imported.stderr) }
        return (database, try startDaemon(database, cli, log: "d.log"))
    }

    static func startDaemon(_ database: String, _ cli: CLI, log: String) throws -> BackgroundProcess {
        let config = try cli.folder.write("fast.toml", "[probe]\ntimeout = \"200ms\"\nretries = 1\n")
        return try BackgroundProcess(KiemkeProcess.binary!, ["daemon", "--interval", "200ms", "--log-level", "info", "--config", config.path],
                                     environment: ["KIEMKE_DB": database], logFile: cli.folder.url.appendingPathComponent(log))
    }

    static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    /// The (device uuid, time) of each line of a spill file.
    static func spilledKeys(_ path: String) throws -> [(String, Double)] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            return (object["device"] as! String, object["time"] as! Double)
        }
    }

    static func count(_ database: String) throws -> Int {
        let queue = try DatabaseQueue(path: database)
        defer { try? queue.close() }
        return try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM observation")! }
    }

    static func waitForObservations(_ database: String, seconds: Double) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try count(database) > 0 { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try count(database) > 0
    }

    static func integrity(_ database: String) throws -> String {
        let queue = try DatabaseQueue(path: database)
        defer { try? queue.close() }
        return try queue.read { try String.fetchOne($0, sql: "PRAGMA integrity_check")! }
    }

    @Test("a full disk is logged, results are held in memory and written once there is room; the file stays sound")
    func diskFull() async throws {
        let fs = try SmallFilesystem(size: "3m")
        let cli = CLI()
        let (database, daemon) = try await Self.setUp(fs, cli)
        #expect(try await Self.waitForObservations(database, seconds: 15), "\(daemon.log)")
        try fs.fill()
        #expect(await daemon.waitForLog("cannot write to the database", seconds: 20), "\(daemon.log)")
        #expect(daemon.isRunning)
        try fs.free()
        #expect(await daemon.waitForLog("is writable again", seconds: 20), "\(daemon.log)")
        daemon.send(SIGTERM)
        #expect(await daemon.wait(seconds: 10) == 0)
        #expect(try Self.integrity(database) == "ok")
        #expect(try Self.count(database) > 0)
    }

    @Test("on a full small disk the WAL stays bounded, SIGTERM spills what is held, the next start writes it: nothing lost")
    func smallDiskSpill() async throws {
        let fs = try SmallFilesystem(size: "24m")
        let cli = CLI()
        let (database, daemon) = try await Self.setUp(fs, cli)
        let wal = database + "-wal", spill = database + ".spill"
        // 4 MiB journal_size_limit, plus what one chunk of results adds before a checkpoint.
        let walBound = 6 << 20
        #expect(try await Self.waitForObservations(database, seconds: 15), "\(daemon.log)")
        var largestWAL = 0
        for _ in 0..<20 {
            largestWAL = max(largestWAL, Self.size(wal))
            try await Task.sleep(for: .milliseconds(100))
        }
        try fs.fill()
        #expect(await daemon.waitForLog("cannot write to the database", seconds: 30), "\(daemon.log)")
        // Cycles go on and are held while nothing can be written.
        for _ in 0..<20 {
            largestWAL = max(largestWAL, Self.size(wal))
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(largestWAL <= walBound, "WAL reached \(largestWAL) bytes")
        daemon.send(SIGTERM)
        #expect(await daemon.wait(seconds: 5) == 0, "\(daemon.log)")
        #expect(daemon.log.contains("lost=0"), "\(daemon.log)")
        #expect(!daemon.log.contains("spilled=0"), "results were held at the stop: \(daemon.log)")
        let attributes = try FileManager.default.attributesOfItem(atPath: spill)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let spilled = try Self.spilledKeys(spill)
        #expect(!spilled.isEmpty)

        try fs.free()
        let next = try Self.startDaemon(database, cli, log: "d2.log")
        #expect(await next.waitForLog("removed the spill file", seconds: 30), "\(next.log)")
        next.send(SIGTERM)
        #expect(await next.wait(seconds: 5) == 0, "\(next.log)")
        #expect(!FileManager.default.fileExists(atPath: spill))
        #expect(try Self.integrity(database) == "ok")
        // Every spilled result is in the database, once.
        let queue = try DatabaseQueue(path: database)
        defer { try? queue.close() }
        let missing = try await queue.read { db in
            try spilled.filter { uuid, time in
                let count = try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM observation o JOIN device d ON d.id = o.deviceId WHERE d.uuid = ? AND o.time = ?
                    """, arguments: [uuid, Date(timeIntervalSince1970: time)]) ?? 0
                return count != 1
            }.count
        }
        #expect(missing == 0, "\(missing) of \(spilled.count) spilled results are not in the database exactly once")
    }
}
