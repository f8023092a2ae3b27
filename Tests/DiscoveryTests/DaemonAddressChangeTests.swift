import Foundation
import GRDB
import Testing
import TestSupport

/// The daemon and device identity in the namespace test bed: a DHCP move (the same recording answering at a new
/// address after the old one went silent) moves the device with no outage; a MAC two devices claim and a serial
/// answering twice are attention items and move nothing; the scheduled sweep lists new devices until ignored.
@Suite("The daemon follows a device to its new address, lists conflicts and new devices", .serialized,
       .enabled(if: Testbed.unavailableReason == nil && OfficeNetwork.snmpsimReason == nil,
                "\(Testbed.unavailableReason ?? OfficeNetwork.snmpsimReason ?? "")"))
struct DaemonAddressChangeTests {
    @Test("scheduled sweep → new devices listed until ignored; DHCP move → one address change, no down state, no failed probe; MAC conflict and serial twice → attention, nothing moved")
    func followsAndRefuses() async throws {
        try await Testbed.with { testbed in
            let office = try await OfficeNetwork(testbed)
            defer { office.stop() }
            // Where the devices will reappear: served now, silent until the move.
            for (recording, address) in [("jetdirect_m130nw", "198.18.6.41"), ("jetdirect_m130nw", "198.18.6.43"),
                                         ("konica_c250i", "198.18.6.44"), ("konica_c250i", "198.18.6.45")] {
                try await office.serve(recording, at: address)
                try await office.silence(address)
            }
            let enrol = try await office.discover(["198.18.6.11-14", "--enrol", "--format", "json"])
            #expect(enrol.status == 0, "\(enrol.stderr)")
            let config = try office.folder.write("daemon.toml", """
                [probe]
                timeout = "400ms"
                retries = 0
                confirm_after = "1s"
                [discovery]
                networks = ["198.18.6.0/24"]
                timeout = "400ms"
                """)
            let daemon = try office.daemon(["--interval", "500ms", "--config", config.path])

            // The scheduled sweep (10 s after start) lists the four live addresses not enrolled.
            #expect(await daemon.waitForLog("swept the office's networks", seconds: 60), "\(daemon.log)")
            #expect(try await Wait.until(30) { try await Self.states(office).values.allSatisfy { $0 == "up" } }, "\(daemon.log)")
            var attention = try await Self.attention(office)
            let fresh = attention.filter { $0.issue == "new device, not in the list" }.map(\.name).sorted()
            #expect(fresh == ["198.18.6.21", "198.18.6.22", "198.18.6.31", "198.18.6.32"], "\(attention)")
            let ignore = try await office.kiemke(["discover", "ignore", "198.18.6.21"])
            #expect(ignore.status == 0, "\(ignore.stderr)")
            attention = try await Self.attention(office)
            #expect(!attention.contains { $0.name == "198.18.6.21" }, "ignored: \(attention)")
            #expect(attention.contains { $0.name == "198.18.6.22" })

            // A DHCP move: the printer's old address goes silent as the same recording answers at .41.
            try await office.move(silence: ["198.18.6.11"], answer: ["198.18.6.41"])
            #expect(try await Wait.until(60) { try await Self.address(office, "MÁY IN-01") == "198.18.6.41" }, "\(daemon.log)")
            try await Task.sleep(for: .seconds(3))
            let log = daemon.log
            #expect(log.components(separatedBy: "device answers at a new address").count - 1 == 1, "exactly one event: \(log)")
            let downs = log.split(separator: "\n").filter { $0.contains("device state changed") && $0.contains("MÁY IN-01") && $0.contains("to=down") }
            #expect(downs.isEmpty, "no down state: \(downs)")
            let (failed, states) = try Self.history(office, "MÁY IN-01")
            #expect(failed == 0, "no failed probe recorded: availability unbroken")
            #expect(!states.contains("down") && !states.contains("unknown"), "\(states)")
            #expect(try await Self.states(office)["MÁY IN-01"] == "up")
            attention = try await Self.attention(office)
            #expect(attention.contains { $0.name == "MÁY IN-01" && $0.issue.hasPrefix("address changed from 198.18.6.11 to 198.18.6.41") }, "\(attention)")
            let history = try await office.kiemke(["history", "MÁY IN-01"])
            #expect(history.stdout.contains("198.18.6.41"), "\(history.stdout)")

            // A MAC two inventory devices claim: the camera is given the printer's MAC; the printer moves again.
            let queue = try Self.open(office)
            let mac = try await queue.read { db in
                try String.fetchOne(db, sql: "SELECT i.mac FROM deviceIdentity i JOIN device d ON d.id = i.deviceId WHERE d.name = 'MÁY IN-01'")
            }
            let printerMAC = try #require(mac, "the printer's MAC was recorded")
            try await queue.write { db in
                try db.execute(sql: "UPDATE deviceIdentity SET mac = ? WHERE deviceId = (SELECT id FROM device WHERE name = 'CAM-01')", arguments: [printerMAC])
            }
            try await office.move(silence: ["198.18.6.41"], answer: ["198.18.6.43"])
            #expect(try await Wait.until(60) { try await Self.attention(office).contains { $0.issue.hasPrefix("MAC \(printerMAC) claimed") } }, "\(daemon.log)")
            #expect(try await Self.address(office, "MÁY IN-01") == "198.18.6.41", "nothing moved")

            // A serial answering at two addresses: the copier's old address goes silent as two copies answer.
            try await office.move(silence: ["198.18.6.12"], answer: ["198.18.6.44", "198.18.6.45"])
            #expect(try await Wait.until(60) {
                try await Self.attention(office).contains { $0.issue.contains("seen at more than one place: 198.18.6.44, 198.18.6.45") }
            }, "\(daemon.log)")
            #expect(try await Self.address(office, "PHOTO-01") == "198.18.6.12", "nothing moved")
            #expect(daemon.log.components(separatedBy: "device answers at a new address").count - 1 == 1, "\(daemon.log)")
            daemon.send(SIGTERM)
            #expect(await daemon.wait(seconds: 15) == 0, "\(daemon.log)")
        }
    }

    struct Item: CustomStringConvertible {
        var name: String
        var issue: String
        var description: String { "\(name): \(issue)" }
    }

    static func attention(_ office: OfficeNetwork) async throws -> [Item] {
        let status = try await office.kiemke(["status", "--format", "json"])
        let items = try #require(try OfficeNetwork.json(status.stdout)["attention"] as? [[String: Any]], "\(status.stdout)\(status.stderr)")
        return items.map { Item(name: $0["name"] as? String ?? "", issue: $0["issue"] as? String ?? "") }
    }

    static func states(_ office: OfficeNetwork) async throws -> [String: String] {
        let status = try await office.kiemke(["status", "--format", "json"])
        let devices = try OfficeNetwork.json(status.stdout)["devices"] as? [[String: Any]] ?? []
        return Dictionary(devices.map { ($0["name"] as? String ?? "", $0["state"] as? String ?? "none") }, uniquingKeysWith: { a, _ in a })
    }

    static func address(_ office: OfficeNetwork, _ name: String) async throws -> String? {
        let status = try await office.kiemke(["status", "--format", "json"])
        let devices = try OfficeNetwork.json(status.stdout)["devices"] as? [[String: Any]] ?? []
        return devices.first { $0["name"] as? String == name }?["address"] as? String
    }

    /// Failed observations of the device, and every state it has had.
    static func history(_ office: OfficeNetwork, _ name: String) throws -> (failed: Int, states: [String]) {
        let queue = try open(office)
        return try queue.read { db in
            let failed = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM observation o JOIN device d ON d.id = o.deviceId WHERE d.name = ? AND o.up = 0
                """, arguments: [name]) ?? 0
            let states = try String.fetchAll(db, sql: """
                SELECT s."to" FROM stateChange s JOIN device d ON d.id = s.deviceId WHERE d.name = ?
                """, arguments: [name])
            return (failed, states)
        }
    }

    /// The office's database, opened beside the running daemon (waiting for its locks).
    static func open(_ office: OfficeNetwork) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        return try DatabaseQueue(path: office.database, configuration: configuration)
    }
}
