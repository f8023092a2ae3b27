import KiemkeCore
@testable import Probes
import Testing
import TestSupport

/// Tables that never end, never advance, or come slowly: every read ends within its deadline and caps.
@Suite("Hostile agent: endless, non-advancing and slow walks")
struct HostileWalkTests {
    static let ifDescr: [UInt] = [1, 3, 6, 1, 2, 1, 2, 2, 1, 2]
    static let ifOperStatus: [UInt] = [1, 3, 6, 1, 2, 1, 2, 2, 1, 8]

    static func endless(_ base: HostileMIB = .printer) -> HostileMIB {
        var mib = base
        mib.columns = [
            .init(ifDescr, rows: nil) { .text("port \($0)") },
            .init(ifOperStatus, rows: nil) { _ in .integer(1) },
        ]
        return mib
    }

    @Test("An endless table is cut at the row limit, with a note", arguments: [SNMPVersion.v1, .v2c])
    func endlessFast(version: SNMPVersion) async throws {
        let agent = HostileAgent(mib: Self.endless())
        // SNMPv1 walks one row per round trip: fewer rows keep the test short on a loaded machine.
        let rows = version == .v1 ? 100 : 300
        let limits = ReadLimits(deadline: .seconds(60), maxRowsPerTable: rows)
        let facts = try await Hostile.read(agent, limits: limits, version: version).result.get()
        #expect(facts.interfaces.count == rows)
        #expect(facts.notes.contains { $0.contains("cut at \(rows) rows") })
        #expect(Hostile.checkInvariants(facts).isEmpty)
    }

    @Test("The default row limit: 10,000 rows of an endless table, and the facts kept under 64 KB")
    func endlessDefault() async throws {
        let agent = HostileAgent(mib: Self.endless())
        let facts = try await Hostile.read(agent, limits: ReadLimits(deadline: .seconds(60))).result.get()
        #expect(facts.notes.contains { $0.contains("cut at 10000 rows") })
        #expect(facts.notes.contains { $0.contains("facts kept under 64 KB") })
        #expect(try #require(FactsSizeLimit.encodedSize(facts)) <= 65_536)
    }

    @Test("A column that answers the same OID again ends at once", arguments: [SNMPVersion.v1, .v2c])
    func nonAdvancing(version: SNMPVersion) async throws {
        var mib = HostileMIB.printer
        mib.nonAdvancing = [Self.ifDescr, [1, 3, 6, 1, 2, 1, 25, 3, 2, 1, 2]]
        let agent = HostileAgent(mib: mib)
        let (result, _) = try await Hostile.read(agent, limits: ReadLimits(deadline: .seconds(20)), version: version)
        let facts = try result.get()
        #expect(facts.interfaces.count <= 1)
        #expect(agent.requests < 100)
    }

    @Test("An agent answering every request after 0.9 s with an endless table: partial facts within the deadline")
    func slowEndless() async throws {
        let agent = HostileAgent(mib: Self.endless(), delay: .milliseconds(900))
        let (result, _) = try await Hostile.read(agent, limits: ReadLimits(deadline: .seconds(4)), timeout: 1.5, retries: 1)
        let facts = try result.get()
        // Measured at the agent: no request after the deadline (the last one was sent before it).
        #expect(agent.requestSpan < 4.2, "asked for \(agent.requestSpan) s")
        #expect(facts.system.name == "may-in-tang-1")
        #expect(facts.notes.contains { $0.contains("read deadline") })
    }

    @Test("A device that answers only after the deadline fails with the deadline, in time")
    func tooSlowForTheFirstGet() async throws {
        let agent = HostileAgent(mib: .printer, delay: .milliseconds(2_500))
        let (result, _) = try await Hostile.read(agent, limits: ReadLimits(deadline: .seconds(1)), timeout: 5, retries: 3)
        #expect(agent.requestSpan < 1.2, "asked for \(agent.requestSpan) s")
        #expect(throws: SNMPError.deadlineExceeded(address: "127.0.0.1", seconds: 1)) { try result.get() }
    }

    @Test("Four endless columns of long strings: memory stays bounded by the walk byte limit")
    func walkByteLimit() async throws {
        var mib = HostileMIB.printer
        let text = String(repeating: "x", count: 4_000)
        mib.columns = [Self.ifDescr, [1, 3, 6, 1, 2, 1, 2, 2, 1, 6], Self.ifOperStatus, [1, 3, 6, 1, 2, 1, 31, 1, 1, 1, 1]].map { column in
            HostileMIB.Column(column, rows: nil) { _ in .text(text) }
        }
        let agent = HostileAgent(mib: mib)
        let limits = ReadLimits(deadline: .seconds(30), maxWalkBytes: 1 << 20)
        let facts = try await Hostile.read(agent, limits: limits).result.get()
        #expect(facts.notes.contains { $0.contains("MB of answers") })
        #expect(try #require(FactsSizeLimit.encodedSize(facts)) <= 65_536)
    }
}
