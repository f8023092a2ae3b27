import Foundation
import Probes
import Testing
import TestSupport
import KiemkeCore

/// SNMPv3 (USM) against net-snmp's own snmpd, started by the tests on a loopback port.
@Suite(.enabled(if: SNMPDaemon.unavailableReason == nil, "snmpd unavailable"))
struct SNMPv3Tests {
    static let engine = try! SNMPEngine(concurrency: 16)
    static let sysDescr: OID = "1.3.6.1.2.1.1.1.0"

    static func settings(_ user: String, auth: SNMPSettings.AuthProtocol, authPass: String,
                         priv: SNMPSettings.PrivProtocol = .aes, privPass: String = "",
                         level: SNMPSettings.SecurityLevel = .authPriv, port: UInt16) -> SNMPSettings {
        .v3(.init(user: user, level: level, authProtocol: auth, authPassphrase: authPass, privProtocol: priv,
                  privPassphrase: privPass), port: port, timeout: 1, retries: 1)
    }

    @Test("authPriv with every supported auth/priv pair reads sysDescr",
          arguments: [("kiemke-sha-aes", SNMPSettings.AuthProtocol.sha, "auth-pass-sha", SNMPSettings.PrivProtocol.aes, "priv-pass-aes"),
                      ("kiemke-md5-des", .md5, "auth-pass-md5", .des, "priv-pass-des"),
                      ("kiemke-sha256-aes", .sha256, "auth-pass-256", .aes, "priv-pass-256")])
    func authPriv(user: String, auth: SNMPSettings.AuthProtocol, authPass: String, priv: SNMPSettings.PrivProtocol, privPass: String) async throws {
        let port = try await SNMPDaemon.shared.port()
        let settings = Self.settings(user, auth: auth, authPass: authPass, priv: priv, privPass: privPass, port: port)
        let binds = try await Self.engine.get([Self.sysDescr], from: "127.0.0.1", settings: settings)
        #expect(binds.first?.value.text == "kiemke test agent")
    }

    @Test("authNoPriv reads sysDescr, and a bulk walk works over v3")
    func authNoPrivWalk() async throws {
        let port = try await SNMPDaemon.shared.port()
        let settings = Self.settings("kiemke-auth-only", auth: .sha, authPass: "auth-pass-only", level: .authNoPriv, port: port)
        let system = try await Self.engine.walk("1.3.6.1.2.1.1", from: "127.0.0.1", settings: settings)
        #expect(system.contains { $0.oid == Self.sysDescr && $0.value.text == "kiemke test agent" })
        #expect(system.contains { $0.oid == "1.3.6.1.2.1.1.6.0" && $0.value.text == "loopback" })
    }

    @Test("A wrong authentication passphrase is an authentication failure, not a timeout")
    func wrongPassword() async throws {
        let port = try await SNMPDaemon.shared.port()
        let settings = Self.settings("kiemke-wrong-then-right", auth: .sha, authPass: "not-the-password", privPass: "priv-pass-wtr", port: port)
        await #expect(throws: SNMPError.authenticationFailure(address: "127.0.0.1")) {
            _ = try await Self.engine.get([Self.sysDescr], from: "127.0.0.1", settings: settings)
        }
        // The right passphrase still works afterwards: no stale keys cached for that engine and user.
        let good = Self.settings("kiemke-wrong-then-right", auth: .sha, authPass: "auth-pass-wtr", privPass: "priv-pass-wtr", port: port)
        #expect(try await Self.engine.get([Self.sysDescr], from: "127.0.0.1", settings: good).first?.value.text == "kiemke test agent")
    }

    @Test("An unknown user is reported as such")
    func unknownUser() async throws {
        let port = try await SNMPDaemon.shared.port()
        let settings = Self.settings("nobody-here", auth: .sha, authPass: "auth-pass-sha", privPass: "priv-pass-aes", port: port)
        await #expect(throws: SNMPError.unknownUser(address: "127.0.0.1", user: "nobody-here")) {
            _ = try await Self.engine.get([Self.sysDescr], from: "127.0.0.1", settings: settings)
        }
    }

    @Test("v2c with community public against snmpd")
    func v2cCommunity() async throws {
        let port = try await SNMPDaemon.shared.port()
        let binds = try await Self.engine.get([Self.sysDescr], from: "127.0.0.1",
                                              settings: SNMPSettings(community: "public", port: port, timeout: 1, retries: 1))
        #expect(binds.first?.value.text == "kiemke test agent")
    }

    @Test("IPv6: v2c and v3 authPriv over ::1", .enabled(if: SNMPDaemon.hasIPv6Loopback, "no ::1 on this host"))
    func ipv6() async throws {
        let port = try await SNMPDaemon.shared.port()
        let v2 = try await Self.engine.get([Self.sysDescr], from: "::1", settings: SNMPSettings(community: "public", port: port, timeout: 1))
        #expect(v2.first?.value.text == "kiemke test agent")
        let v3 = Self.settings("kiemke-sha-aes", auth: .sha, authPass: "auth-pass-sha", privPass: "priv-pass-aes", port: port)
        #expect(try await Self.engine.get([Self.sysDescr], from: "[::1]", settings: v3).first?.value.text == "kiemke test agent")
    }

    @Test("A v3 agent that never answers times out in about timeout x (retries + 1), discovery included")
    func deadV3() async throws {
        let hole = SNMPBlackHole(count: 1)
        let settings = Self.settings("kiemke-sha-aes", auth: .sha, authPass: "auth-pass-sha", privPass: "priv-pass-aes", port: hole.ports[0])
        let start = ContinuousClock.now
        await #expect(throws: SNMPError.timeout(address: "127.0.0.1", seconds: 2)) {
            _ = try await Self.engine.get([Self.sysDescr], from: "127.0.0.1", settings: settings)
        }
        // Discovery and request share the deadline: waiting for both in turn would take 4 s.
        #expect(ContinuousClock.now - start < .seconds(3.9))
    }

    @Test("Short passphrases are refused before anything is sent")
    func shortPassphrase() async throws {
        let settings = Self.settings("u", auth: .sha, authPass: "short", privPass: "priv-pass-aes", port: 9)
        await #expect(throws: SNMPError.invalidSettings("SNMPv3 authentication passphrase must have at least 8 characters")) {
            _ = try await Self.engine.get([Self.sysDescr], from: "127.0.0.1", settings: settings)
        }
    }
}
