import Foundation
import Testing
import TestSupport

/// The office of the discovery tests, inside a test bed: which address answers how.
final class OfficeNetwork: Sendable {
    let testbed: Testbed
    let folder = TemporaryDirectory()
    var database: String { folder.path("kiemke.sqlite") }
    private let processes = ProcessList()

    /// What each live address is.
    static let expectedKinds: [String: String] = [
        "198.18.6.11": "printer", "198.18.6.12": "copier", "198.18.6.13": "camera", "198.18.6.14": "computer",
        "198.18.6.21": "other", "198.18.6.22": "other", "198.18.6.31": "computer", "198.18.6.32": "printer",
    ]
    static let recordings = ["198.18.6.11": "jetdirect_m130nw", "198.18.6.12": "konica_c250i",
                             "198.18.6.13": "axiscam_p1435-le", "198.18.6.14": "linux"]
    static let responder = "/opt/snmpsim-venv/bin/snmpsim-command-responder"

    static var snmpsimReason: String? {
        if SharedFixtures.shared("snmp/recordings") == nil { return "../shared/snmp/recordings is missing" }
        if !FileManager.default.isExecutableFile(atPath: responder) { return "snmpsim is not installed at \(responder)" }
        return nil
    }

    init(_ testbed: Testbed) async throws {
        self.testbed = testbed
        // snmpsim binds port 161 after dropping to its own user: let unprivileged users bind it in the office.
        try await office(["sysctl", "-qw", "net.ipv4.ip_unprivileged_port_start=0"])
        // Everything of 198.18.6.0/24 is silent unless a /32 below says otherwise.
        try await office(["ip", "route", "add", "blackhole", "198.18.6.0/24"])
        for address in Self.expectedKinds.keys { try await office(["ip", "route", "add", "local", "\(address)/32", "dev", "lo"]) }
        // TCP-only hosts: their echo requests are dropped by a routing rule; connects reach a listener.
        // The local table is looked up first (rule 0): move it after them so the rules are seen.
        try await office(["ip", "rule", "add", "priority", "100", "table", "local"])
        try await office(["ip", "rule", "del", "priority", "0", "table", "local"])
        for address in ["198.18.6.31", "198.18.6.32"] {
            try await office(["ip", "rule", "add", "priority", "10", "to", address, "ipproto", "icmp", "blackhole"])
        }
        let listener = try folder.write("listen.py", """
            import socket, select
            servers = []
            for address, port in [("198.18.6.31", 445), ("198.18.6.32", 9100)]:
                s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                s.bind((address, port)); s.listen(64); servers.append(s)
            print("ready", flush=True)
            while True:
                for s in select.select(servers, [], [])[0]:
                    c, _ = s.accept(); c.close()
            """)
        let listen = try BackgroundProcess(Testbed.script, ["office", testbed.name, "--", "/usr/bin/python3", listener.path],
                                           logFile: folder.url.appendingPathComponent("listen.log"))
        processes.add(listen)
        #expect(await listen.waitForLog("ready", seconds: 20), "\(listen.log)")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (address, recording) in Self.recordings {
                group.addTask { try await self.serve(recording, at: address) }
            }
            try await group.waitForAll()
        }
    }

    /// Serves `recording` under community public at `address`:161, adding the address if needed.
    func serve(_ recording: String, at address: String) async throws {
        if Self.expectedKinds[address] == nil {
            try await office(["ip", "route", "add", "local", "\(address)/32", "dev", "lo"])
        }
        let base = folder.url.appendingPathComponent("sim-\(address)")
        let data = base.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: base.appendingPathComponent("cache"), withIntermediateDirectories: true)
        let source = try #require(SharedFixtures.shared("snmp/recordings/\(recording).snmprec"))
        try FileManager.default.copyItem(at: source, to: data.appendingPathComponent("public.snmprec"))
        _ = try await Testbed.run(["/bin/chmod", "-R", "755", folder.url.path])
        _ = try await Testbed.run(["/bin/chown", "-R", "snmpsim:snmpsim", base.path])
        let sim = try BackgroundProcess(Testbed.script, ["office", testbed.name, "--", Self.responder, "--data-dir=\(data.path)",
                                                         "--cache-dir=\(base.appendingPathComponent("cache").path)",
                                                         "--agent-udpv4-endpoint=\(address):161",
                                                         "--process-user=snmpsim", "--process-group=snmpsim"],
                                        logFile: base.appendingPathComponent("snmpsim.log"))
        processes.add(sim)
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            let get = try await testbed.exec(["/usr/bin/snmpget", "-v2c", "-c", "public", "-t", "1", "-r", "0", address, "1.3.6.1.2.1.1.2.0"])
            if get.status == 0 { return }
            try await Task.sleep(for: .milliseconds(300))
        }
        throw KiemkeProcess.RunError("snmpsim at \(address) did not answer within 120 s: \(sim.log)")
    }

    /// Makes `address` silent (its /32 removed: the /24 blackhole takes it).
    func silence(_ address: String) async throws {
        try await office(["ip", "route", "del", "local", "\(address)/32", "dev", "lo", "table", "local"])
    }

    /// Makes `silent` go quiet and `answering` answer in one step (one shell in the office namespace), as a DHCP move does.
    func move(silence silent: [String], answer answering: [String]) async throws {
        let commands = silent.map { "ip route del local \($0)/32 dev lo table local" } + answering.map { "ip route add local \($0)/32 dev lo" }
        try await office(["/bin/sh", "-c", commands.joined(separator: " && ")])
    }

    /// Starts `kiemke daemon` in the prober namespace on this office's database.
    func daemon(_ arguments: [String]) throws -> BackgroundProcess {
        let process = try BackgroundProcess(Testbed.script, ["exec", testbed.name, "--", Testbed.kiemkeBinary.path, "daemon", "--log-level", "info"]
                                                + arguments + ["--db", database],
                                            logFile: folder.url.appendingPathComponent("daemon.log"))
        processes.add(process)
        return process
    }

    @discardableResult
    func office(_ arguments: [String]) async throws -> Testbed.Output {
        let output = try await testbed.office(arguments)
        guard output.status == 0 else { throw KiemkeProcess.RunError("\(arguments.joined(separator: " ")): \(output.stderr)") }
        return output
    }

    /// `kiemke discover ...` in the prober namespace on this office's database, with short timeouts.
    func discover(_ arguments: [String]) async throws -> Testbed.Output {
        let config = try folder.write("k.toml", "[discovery]\ntimeout = \"400ms\"\n")
        return try await kiemke(["discover"] + arguments + ["--config", config.path])
    }

    func kiemke(_ arguments: [String]) async throws -> Testbed.Output {
        try await testbed.kiemke(arguments + ["--db", database])
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not JSON: \(text)")
    }

    func stop() {
        for process in processes.all where process.isRunning { process.send(SIGKILL) }
    }
}

/// The background processes a test started, to stop them (the test bed's teardown kills them too).
final class ProcessList: @unchecked Sendable {
    // A lock guards the array: Sendable by that lock, not by the type system.
    private let lock = NSLock()
    private var processes: [BackgroundProcess] = []
    func add(_ process: BackgroundProcess) { lock.withLock { processes.append(process) } }
    var all: [BackgroundProcess] { lock.withLock { processes } }
}
