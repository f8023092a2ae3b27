import Foundation
import Testing
import TestSupport

/// `kiemke probe` against a hand-made agent with a 1,000,000-row table: the read is cut and marked
/// partial, and the process stays small.
@Suite(.enabled(if: KiemkeProcess.binary != nil, "the kiemke binary is not built"))
struct ProbeHostileDeviceTests {
    @Test("A 1,000,000-row table of 4 columns: exit 0, cut with a note, peak memory under 100 MB")
    func millionRows() async throws {
        var mib = HostileMIB.printer
        mib.columns = [[1, 3, 6, 1, 2, 1, 2, 2, 1, 2], [1, 3, 6, 1, 2, 1, 2, 2, 1, 6], [1, 3, 6, 1, 2, 1, 2, 2, 1, 8],
                       [1, 3, 6, 1, 2, 1, 31, 1, 1, 1, 1]].map { column in
            HostileMIB.Column(column, rows: 1_000_000) { row in .text("interface \(row) of a switch that never ends") }
        }
        let agent = HostileAgent(mib: mib)
        let binary = try #require(KiemkeProcess.binary)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiemke-million-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let started = ContinuousClock.now
        let outcome = try await MeasuredProcess.run(binary, ["probe", "127.0.0.1", "--snmp-port", "\(agent.port)",
                                                             "--kind", "printer", "--format", "json"],
                                                    environment: ["HOME": folder.path])
        let elapsed = ContinuousClock.now - started
        #expect(outcome.status == 0, "\(outcome.stderr)")
        // Cut at the row limit, or at the read deadline when the machine is too loaded to walk 10,000 rows in 10 s:
        // partial either way, and said so.
        #expect(outcome.stdout.contains("cut at 10000 rows") || outcome.stdout.contains("read deadline"), "\(outcome.stdout.suffix(2_000))")
        // The same binary reading an ordinary printer: what the process costs before any table (the debug
        // build maps every linked module: the web server, PostgreSQL's client, net-snmp, SQLite).
        let plain = HostileAgent(mib: .printer)
        let baseline = try await MeasuredProcess.run(binary, ["probe", "127.0.0.1", "--snmp-port", "\(plain.port)",
                                                              "--kind", "printer", "--format", "json"],
                                                     environment: ["HOME": folder.path])
        #expect(baseline.status == 0, "\(baseline.stderr)")
        // The million-row read adds little to that, and the whole stays under 100 MB even in a debug build
        // (the packaged, release binary peaks lower).
        #expect(outcome.maxResidentKiB - baseline.maxResidentKiB < 50 * 1_024,
                "peak \(outcome.maxResidentKiB) KiB against \(baseline.maxResidentKiB) KiB for an ordinary read")
        #expect(outcome.maxResidentKiB < 100 * 1_024, "peak \(outcome.maxResidentKiB) KiB")
        print("kiemke probe of a 1,000,000-row table: peak \(outcome.maxResidentKiB) KiB in \(elapsed) (an ordinary read: \(baseline.maxResidentKiB) KiB)")
        // The default read deadline (10 s) bounds the reading, measured at the agent; the process as a whole
        // only has to end (a loaded machine can hold its start-up).
        #expect(agent.requestSpan < 10.5, "asked for \(agent.requestSpan) s")
        #expect(elapsed < .seconds(120))
    }
}
