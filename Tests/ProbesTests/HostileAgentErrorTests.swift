import KiemkeCore
@testable import Probes
import Testing
import TestSupport

/// Error statuses and short answers from a hand-made agent: no crash, and what answered is kept.
@Suite("Hostile agent: error statuses and short answers", .serialized)
struct HostileAgentErrorTests {
    @Test("GET answered noSuchName, then fewer variables than asked: no crash, the answered ones kept", arguments: [SNMPVersion.v1, .v2c])
    func noSuchNameThenShort(version: SNMPVersion) async throws {
        let agent = HostileAgent { request, _ in
            guard let request else { return [] }
            if request.isGet, request.oids.count == 6 {
                return [.init(Hostile.answer(request, errorStatus: 2, errorIndex: 2, binds: request.oids.map { ($0, .null) }))]
            }
            if request.isGet, request.oids.count == 5 {
                // Two variables for five asked, the second one not even asked for.
                return [.init(Hostile.answer(request, binds: [(request.oids[0], .text("Printer")), ([1, 3, 6, 1, 2, 1, 1, 5, 0, 9], .text("x"))]))]
            }
            return [.init(HostileMIB.printer.respond(to: request))]
        }
        let (result, _) = try await Hostile.read(agent, version: version)
        let facts = try result.get()
        #expect(facts.system.description == "Printer")
        #expect(facts.system.objectID == nil)
        #expect(facts.system.name == nil)
    }

    @Test("A genErr on sysLocation in the first v2c GET keeps the rest of the system group")
    func errorOnSysLocation() async throws {
        let agent = HostileAgent { request, _ in
            guard let request else { return [] }
            if request.isGet, request.oids.contains([1, 3, 6, 1, 2, 1, 1, 6, 0]) {
                let index = Int64((request.oids.firstIndex(of: [1, 3, 6, 1, 2, 1, 1, 6, 0]) ?? 0) + 1)
                return [.init(Hostile.answer(request, errorStatus: 5, errorIndex: index, binds: request.oids.map { ($0, .null) }))]
            }
            return [.init(HostileMIB.printer.respond(to: request))]
        }
        let facts = try await Hostile.read(agent).result.get()
        #expect(facts.system.name == "may-in-tang-1")
        #expect(facts.system.location == nil)
        #expect(facts.supplies.first?.levelPct == 80)
    }

    static let statuses: [Int64] = [1, 2, 3, 5, 6, 16, 18, 19, 255, -1, Int64.max, Int64.min]
    static let indexes: [Int64] = [0, 1, 6, 7, -1, 1_000, Int64.max, Int64.min]

    @Test("Every error status at every index, on GET and on walks: no crash, within the deadline", arguments: statuses)
    func errorStatuses(status: Int64) async throws {
        for index in Self.indexes {
            for version in [SNMPVersion.v1, .v2c] {
                let agent = HostileAgent { request, _ in
                    guard let request else { return [] }
                    return [.init(Hostile.answer(request, errorStatus: status, errorIndex: index,
                                                 binds: Array(request.oids.prefix(2)).map { ($0, .integer(1)) }))]
                }
                let limits = ReadLimits(deadline: .seconds(3))
                let (result, _) = try await Hostile.read(agent, limits: limits, version: version)
                #expect(agent.requestSpan < 3.5, "errstat \(status) index \(index) \(version): asked for \(agent.requestSpan) s")
                if case .success(let facts) = result { #expect(Hostile.checkInvariants(facts).isEmpty) }
            }
        }
    }

    @Test("The alignment of a GET's answer is by OID; error indexes outside the request name nothing", arguments: [
        (0, 3, nil), (1, 3, 0), (3, 3, 2), (4, 3, nil), (-1, 3, nil), (Int.max, 3, nil), (Int.min, 3, nil), (1, 0, nil),
    ] as [(Int, Int, Int?)])
    func position(errorIndex: Int, count: Int, expected: Int?) {
        #expect(SNMPSession.position(errorIndex: errorIndex, count: count) == expected)
    }

    @Test("An answer with missing, extra and reordered variables is aligned to the OIDs asked")
    func aligned() {
        let a: OID = "1.3.6.1.2.1.1.1.0", b: OID = "1.3.6.1.2.1.1.5.0", c: OID = "1.3.6.1.2.1.1.6.0"
        let binds = [VarBind(oid: c, value: .integer(3)), VarBind(oid: "1.3.6.9", value: .integer(9)), VarBind(oid: a, value: .integer(1)),
                     VarBind(oid: a, value: .integer(2))]
        let result = SNMPSession.aligned([a, b, c], binds)
        #expect(result.map(\.oid) == [a, b, c])
        #expect(result.map(\.value) == [.integer(1), .noSuchObject, .integer(3)])
    }
}
