import Foundation
import Testing
import TestSupport

/// A real browser (Debian's chromium, driven by Selenium, headless and offline) through the page:
/// log in, mark a copier broken with a Vietnamese note, see it on the status page and in the
/// report, upload a bad CSV and see its errors, download the list and import it back unchanged,
/// and see a hostile sysDescr served by snmpsim shown as text.
@Suite struct BrowserTests {
    static let python = "/opt/kiemke-web-venv/bin/python3"
    static let responder = "/opt/snmpsim-venv/bin/snmpsim-command-responder"

    /// Why the test cannot run here, or nil.
    static var unavailableReason: String? {
        let fm = FileManager.default
        if !fm.isExecutableFile(atPath: "/usr/bin/chromium") { return "chromium is not installed (apt: chromium; scripts/install-deps)" }
        if !fm.isExecutableFile(atPath: "/usr/bin/chromedriver") { return "chromedriver is not installed (apt: chromium-driver)" }
        if !fm.isExecutableFile(atPath: python) { return "selenium's venv \(python) is missing (scripts/install-deps)" }
        if !fm.isExecutableFile(atPath: responder) { return "snmpsim is not installed at \(responder)" }
        if KiemkeProcess.binary == nil { return "the kiemke binary is not built" }
        return nil
    }

    @Test func clerkAndAdminWalkThroughThePage() async throws {
        if let reason = Self.unavailableReason {
            print("skipped: \(reason)")
            return
        }
        let folder = TemporaryDirectory()
        let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts")
        // snmpsim serving one device whose sysDescr and sysName are markup.
        let base = folder.url.appendingPathComponent("snmpsim")
        let data = base.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: base.appendingPathComponent("cache"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: scripts.appendingPathComponent("hostile.snmprec"), to: data.appendingPathComponent("evil.snmprec"))
        let snmpPort = SNMPChildProcess.freeUDPPort()
        var arguments = [Self.responder, "--data-dir=\(data.path)", "--cache-dir=\(base.appendingPathComponent("cache").path)",
                         "--agent-udpv4-endpoint=127.0.0.1:\(snmpPort)"]
        if SharedFixtures.isRoot {
            SNMPChildProcess.run(["/bin/chmod", "755", folder.url.path, base.path])
            SNMPChildProcess.run(["/bin/chown", "-R", "snmpsim:snmpsim", base.path])
            arguments += ["--process-user=snmpsim", "--process-group=snmpsim"]
        }
        // Started directly and stopped by its pid: nothing here waits on a child synchronously.
        let snmpsim = Process()
        snmpsim.executableURL = URL(fileURLWithPath: Self.responder)
        snmpsim.arguments = Array(arguments.dropFirst())
        snmpsim.standardInput = FileHandle.nullDevice
        snmpsim.standardOutput = FileHandle.nullDevice
        snmpsim.standardError = FileHandle.nullDevice
        try snmpsim.run()
        let snmpsimPid = snmpsim.processIdentifier
        defer { kill(snmpsimPid, SIGKILL) }
        let answering = await SNMPChildProcess.waitUntilAnswering(["-v2c", "-c", "evil", "127.0.0.1:\(snmpPort)", "1.3.6.1.2.1.1.1.0"], seconds: 60)
        try #require(answering, "snmpsim did not answer on 127.0.0.1:\(snmpPort)")

        let db = folder.path("kiemke.sqlite")
        let csv = try folder.write("devices.csv", """
            name,kind,address,location,snmp_version,snmp_community,snmp_port
            PHOTO-01,copier,127.0.0.2,Văn phòng,,,
            EVIL-01,printer,127.0.0.1,Kế toán,2c,evil,\(snmpPort)

            """)
        #expect(try await KiemkeProcess.run(["devices", "import", csv.path, "--db", db]).status == 0)
        let probed = try await KiemkeProcess.run(["probe", "--all", "--db", db])
        #expect(probed.status == 0, "\(probed.stderr)")
        let password = try folder.write("password", "mat-khau-admin-1\n")
        let binary = try #require(KiemkeProcess.binary)
        let added = try await KiemkeProcess.run(URL(fileURLWithPath: "/bin/sh"),
            ["-c", "\"$0\" users add admin --role admin --password-stdin --db \"$1\" < \"$2\"", binary.path, db, password.path])
        #expect(added.status == 0, "\(added.stderr)")

        let port = Int.random(in: 20_000...40_000)
        let web = Process()
        web.executableURL = KiemkeProcess.binary
        web.arguments = ["web", "--listen", "127.0.0.1:\(port)", "--db", db]
        web.standardOutput = FileHandle.nullDevice
        web.standardError = FileHandle.nullDevice
        try web.run()
        let webPid = web.processIdentifier
        defer { kill(webPid, SIGTERM) }
        try await Task.sleep(for: .seconds(1))

        let outcome = try await KiemkeProcess.run(URL(fileURLWithPath: Self.python),
                                                  [scripts.appendingPathComponent("browser_walk.py").path, "http://127.0.0.1:\(port)", folder.url.path],
                                                  environment: ["SE_OFFLINE": "true", "HOME": folder.url.path, "PATH": "/usr/bin:/bin"])
        #expect(outcome.status == 0 && outcome.stdout.contains("ok"), "\(outcome.stdout)\n\(outcome.stderr)")
    }
}
