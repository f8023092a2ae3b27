import Foundation
import KiemkeCore
@testable import Probes
import Testing
import TestSupport

/// Malformed packets, and answers from another address or port than the device's: never accepted as the
/// device's answer, never a crash.
@Suite("Hostile agent: malformed packets and replies from elsewhere")
struct HostileMessageTests {
    typealias Value = HostileBER.Value

    /// Ways to spoil a genuine answer.
    static let spoilers: [(name: String, spoil: @Sendable (HostileBER.Request, [UInt8]) -> [UInt8])] = [
        ("empty datagram", { _, _ in [] }),
        ("one byte", { _, _ in [0x30] }),
        ("random bytes", { _, good in good.map { $0 &* 31 &+ 7 } }),
        ("cut in half", { _, good in Array(good.prefix(good.count / 2)) }),
        ("last byte missing", { _, good in Array(good.dropLast()) }),
        ("length past the end", { _, good in [0x30, 0x84, 0x7F, 0xFF, 0xFF, 0xFF] + good.dropFirst(2) }),
        ("indefinite length", { _, good in [0x30, 0x80] + good.dropFirst(2) + [0x00, 0x00] }),
        ("wrong request id", { request, _ in
            HostileBER.response(version: request.version, community: request.community, requestID: request.requestID &+ 1,
                                binds: request.oids.map { ($0, .integer(1)) })
        }),
        ("a GET instead of a Response", { request, _ in
            HostileBER.response(version: request.version, community: request.community, requestID: request.requestID,
                                binds: request.oids.map { ($0, .integer(1)) }, pduTag: 0xA0)
        }),
        ("another version", { request, _ in
            HostileBER.response(version: 3, community: request.community, requestID: request.requestID,
                                binds: request.oids.map { ($0, .integer(1)) })
        }),
        ("a nine-byte INTEGER", { request, _ in
            HostileBER.response(version: request.version, community: request.community, requestID: request.requestID,
                                binds: request.oids.map { ($0, .integerBytes(Array(repeating: 0x7F, count: 9))) })
        }),
        ("an OID of 200 sub-identifiers", { request, _ in
            HostileBER.response(version: request.version, community: request.community, requestID: request.requestID,
                                binds: request.oids.map { _ in (Array(repeating: 1, count: 200), .integer(1)) })
        }),
        ("a variable that is not a SEQUENCE", { request, _ in
            let pdu = HostileBER.tlv(0xA2, Value.integer(request.requestID).encoded + Value.integer(0).encoded
                                     + Value.integer(0).encoded + HostileBER.tlv(0x30, Value.integer(5).encoded))
            return HostileBER.tlv(0x30, Value.integer(request.version).encoded + HostileBER.tlv(0x04, request.community) + pdu)
        }),
    ]

    @Test("Every malformed answer is no answer: a timeout within the timeout, no crash", arguments: spoilers.indices)
    func malformed(case index: Int) async throws {
        let spoiler = Self.spoilers[index]
        let agent = HostileAgent { request, _ in
            guard let request else { return [] }
            return [.init(spoiler.spoil(request, HostileMIB.printer.respond(to: request)))]
        }
        let (result, _) = try await Hostile.read(agent, timeout: 0.4, retries: 1)
        // Two tries of the first GET, then the device counts as silent.
        #expect(agent.requests == 2, "\(spoiler.name)")
        switch result {
        case .failure(let error): #expect(error.isTimeout, "\(spoiler.name): \(error)")
        case .success(let facts): Issue.record("\(spoiler.name) was taken as an answer: \(facts.system)")
        }
    }

    @Test("An answer sent from another port or another address is dropped", arguments: [HostileAgent.Source.otherPort, .otherAddress])
    func fromElsewhere(source: HostileAgent.Source) async throws {
        let agent = HostileAgent(mib: .printer, from: source)
        let result = try await Hostile.read(agent, timeout: 0.4, retries: 1).result
        #expect(throws: SNMPError.timeout(address: "127.0.0.1", seconds: 0.8)) { try result.get() }
        #expect(agent.requests == 2)
    }

    @Test("A forged answer from elsewhere before the genuine one: the genuine one is read", arguments: [HostileAgent.Source.otherPort, .otherAddress])
    func forgedFirst(source: HostileAgent.Source) async throws {
        let forged = HostileMIB.printer.setting([1, 3, 6, 1, 2, 1, 1, 5, 0], to: .text("forged"))
        let agent = HostileAgent { request, _ in
            guard let request else { return [] }
            return [.init(forged.respond(to: request), from: source),
                    .init(HostileMIB.printer.respond(to: request), delay: .milliseconds(20))]
        }
        let facts = try await Hostile.read(agent, timeout: 1).result.get()
        #expect(facts.system.name == "may-in-tang-1")
    }
}
