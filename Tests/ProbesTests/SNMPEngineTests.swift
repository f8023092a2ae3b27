import Foundation
import Probes
import Testing
import TestSupport
import KiemkeCore

/// The engine against snmpsim serving the shared recordings on loopback.
@Suite(.enabled(if: SNMPSimulator.unavailableReason == nil, "snmpsim or ../shared recordings unavailable"))
struct SNMPEngineTests {
    static let engine = try! SNMPEngine(concurrency: 64)

    func settings(_ community: String, version: SNMPVersion = .v2c) async throws -> (String, SNMPSettings) {
        let endpoint = try await SNMPSimulator.shared.endpoint()
        return (endpoint.address, SNMPSettings(version: version, community: community, port: endpoint.port, timeout: 2, retries: 1))
    }

    @Test("GET returns typed values, and missing OIDs as noSuchObject/noSuchInstance values")
    func getTypedValues() async throws {
        let (address, settings) = try await settings("konica_c250i")
        let binds = try await Self.engine.get(
            ["1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.2.0", "1.3.6.1.2.1.43.10.2.1.4.1.1",
             "1.3.6.1.2.1.25.3.5.1.2.1", "1.3.6.1.2.1.1.5.0"],
            from: address, settings: settings)
        #expect(binds.count == 5)
        #expect(binds[0].value.text == "KONICA MINOLTA bizhub C250i")
        #expect(binds[1].value == .oid("1.3.6.1.4.1.18334.1.1.1.2.1.181.2.4"))
        #expect(binds[2].value == .counter32(33810))
        #expect(binds[3].value == .octets([0x01, 0x00]))
        #expect(binds[4].value.isException)
    }

    @Test("SNMPv1 GET with an unknown name drops it and returns the others")
    func v1NoSuchName() async throws {
        let (address, settings) = try await settings("kyocera", version: .v1)
        let binds = try await Self.engine.get(["1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.1.2.0"],
                                              from: address, settings: settings)
        #expect(binds.map(\.oid) == ["1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.1.2.0"])
        #expect(binds[0].value.text == "KYOCERA Document Solutions Printing System")
        #expect(binds[1].value == .noSuchObject)
        #expect(binds[2].value == .oid("1.3.6.1.4.1.1347.41"))
    }

    @Test("A bulk walk (v2c) and a GETNEXT walk (v1) return the same rows, in order")
    func walkV1AndV2c() async throws {
        let (address, v2) = try await settings("windows_svr_2019_1809")
        var v1 = v2
        v1.version = .v1
        let root: OID = "1.3.6.1.2.1.25.3.2.1.3"
        let bulk = try await Self.engine.walk(root, from: address, settings: v2)
        let next = try await Self.engine.walk(root, from: address, settings: v1)
        #expect(bulk.count == 36)
        #expect(bulk == next)
        #expect(bulk.first?.value.text == "Microsoft Print To PDF")
        #expect(bulk.map(\.oid) == bulk.map(\.oid).sorted())
    }

    @Test("A walk past the last OID of a recording ends cleanly at endOfMibView")
    func walkToEndOfMib() async throws {
        let (address, settings) = try await settings("hikvision-cam")
        let binds = try await Self.engine.walk("1.3.6.1.4.1.39165", from: address, settings: settings)
        #expect(binds.count == 9)
        #expect(binds.last?.value.text == "MJPEG")
    }

    @Test("A silent agent times out after timeout x (retries + 1), and the session is closed")
    func timeoutOnSilentPort() async throws {
        let hole = SNMPBlackHole(count: 1)
        let settings = SNMPSettings(community: "public", port: hole.ports[0], timeout: 0.5, retries: 1)
        let engine = try SNMPEngine(concurrency: 4)
        let clock = ContinuousClock()
        let start = clock.now
        await #expect(throws: SNMPError.timeout(address: "127.0.0.1", seconds: 1.0)) {
            _ = try await engine.get(["1.3.6.1.2.1.1.1.0"], from: "127.0.0.1", settings: settings)
        }
        let elapsed = clock.now - start
        #expect(elapsed >= .milliseconds(950))
        // Loose: a loaded machine must not fail it; a timeout per retry of the library default (5 s) would.
        #expect(elapsed < .seconds(6))
        #expect(await engine.openSessionCount() == 0)
    }

    @Test("A wrong community is indistinguishable from silence: timeout")
    func wrongCommunityTimesOut() async throws {
        var (address, settings) = try await settings("no-such-recording")
        settings.timeout = 0.3
        settings.retries = 0
        await #expect(throws: SNMPError.timeout(address: address, seconds: 0.3)) {
            _ = try await Self.engine.get(["1.3.6.1.2.1.1.1.0"], from: address, settings: settings)
        }
    }
}
