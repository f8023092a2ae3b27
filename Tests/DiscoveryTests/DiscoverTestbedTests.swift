import Foundation
import Testing
import TestSupport

/// `kiemke discover` in a namespace test bed: snmpsim devices, ping-only hosts, TCP-only hosts (ICMP dropped by
/// a routing rule), silent addresses (blackholed), each at its own address of 198.18.6.0/24.
@Suite("Discover in the namespace test bed: exactly the live ones, right kinds, CSV imports, moves and conflicts", .serialized,
       .enabled(if: Testbed.unavailableReason == nil && OfficeNetwork.snmpsimReason == nil,
                "\(Testbed.unavailableReason ?? OfficeNetwork.snmpsimReason ?? "")"))
struct DiscoverTestbedTests {
    @Test("discover finds exactly the live addresses with the right kinds; its CSV imports; a second run knows them all")
    func findsTheLiveOnes() async throws {
        try await Testbed.with { testbed in
            let office = try await OfficeNetwork(testbed)
            defer { office.stop() }
            let sweep = try await office.discover(["198.18.6.0/24", "--format", "json", "--output", office.folder.path("found.csv")])
            #expect(sweep.status == 0, "\(sweep.stderr)")
            let body = try OfficeNetwork.json(sweep.stdout)
            #expect(body["swept"] as? Int == 254)
            let devices = try #require(body["devices"] as? [[String: Any]])
            let kinds = Dictionary(uniqueKeysWithValues: devices.map { ($0["address"] as? String ?? "", $0["kind"] as? String ?? "") })
            #expect(kinds == OfficeNetwork.expectedKinds, "\(sweep.stdout)")
            let how = Dictionary(uniqueKeysWithValues: devices.map { ($0["address"] as? String ?? "", $0["answered_by"] as? [String] ?? []) })
            #expect(how["198.18.6.11"] == ["icmp", "snmp"])
            #expect(how["198.18.6.21"] == ["icmp"])
            #expect(how["198.18.6.31"] == ["tcp:445"])
            #expect(how["198.18.6.32"] == ["tcp:9100"])
            let printer = try #require(devices.first { $0["address"] as? String == "198.18.6.11" })
            #expect(printer["serial"] as? String == "VNCRC48198")
            #expect(printer["vendor"] as? String == "HP")
            for device in devices {
                // Every contract field is there, null when unknown.
                for key in ["address", "mac", "kind", "vendor", "model", "serial", "sys_name", "answered_by", "inventory"] {
                    #expect(device.keys.contains(key), "\(key) missing in \(device)")
                }
                #expect((device["inventory"] as? [String: Any])?["status"] as? String == "new")
            }

            let imported = try await office.kiemke(["devices", "import", office.folder.path("found.csv")])
            #expect(imported.status == 0, "\(imported.stderr)\n\((try? String(contentsOfFile: office.folder.path("found.csv"), encoding: .utf8)) ?? "")")
            let csv = try String(contentsOfFile: office.folder.path("found.csv"), encoding: .utf8)
            #expect(csv.contains("MÁY IN-01,printer,198.18.6.11"), "\(csv)")
            #expect(csv.contains("PHOTO-01,copier,198.18.6.12"), "\(csv)")

            let again = try await office.discover(["198.18.6.0/24", "--format", "json"])
            let second = try #require(try OfficeNetwork.json(again.stdout)["devices"] as? [[String: Any]])
            #expect(second.count == devices.count)
            #expect(second.allSatisfy { ($0["inventory"] as? [String: Any])?["status"] as? String == "known" }, "\(again.stdout)")
        }
    }

    @Test("a device that answers at a new address with its serial is 'moved' and --enrol moves it with one address change; the same serial at two addresses is a conflict and nothing moves")
    func movedAndConflict() async throws {
        try await Testbed.with { testbed in
            let office = try await OfficeNetwork(testbed)
            defer { office.stop() }
            let enrol = try await office.discover(["198.18.6.0/24", "--enrol", "--format", "json"])
            #expect(enrol.status == 0, "\(enrol.stderr)")
            // The printer's old address goes silent; the same recording answers at .41 (a DHCP move).
            try await office.silence("198.18.6.11")
            try await office.serve("jetdirect_m130nw", at: "198.18.6.41")
            let moved = try await office.discover(["198.18.6.0/24", "--format", "json", "--enrol"])
            #expect(moved.status == 0, "\(moved.stderr)")
            let entry = try #require((try OfficeNetwork.json(moved.stdout)["devices"] as? [[String: Any]])?.first { $0["address"] as? String == "198.18.6.41" })
            let inventory = try #require(entry["inventory"] as? [String: Any])
            #expect(inventory["status"] as? String == "moved")
            #expect(inventory["name"] as? String == "MÁY IN-01")
            let shown = try await office.kiemke(["devices", "show", "MÁY IN-01", "--format", "json"])
            #expect(shown.stdout.contains("198.18.6.41"), "\(shown.stdout)")
            let history = try await office.kiemke(["history", "MÁY IN-01"])
            #expect(history.stdout.components(separatedBy: "198.18.6.41").count - 1 >= 1, "\(history.stdout)")

            // The same serial answering at a second address: a conflict, nothing moved.
            try await office.serve("jetdirect_m130nw", at: "198.18.6.42")
            let twice = try await office.discover(["198.18.6.0/24", "--format", "json", "--enrol"])
            let rows = try #require(try OfficeNetwork.json(twice.stdout)["devices"] as? [[String: Any]])
            for address in ["198.18.6.41", "198.18.6.42"] {
                let row = try #require(rows.first { $0["address"] as? String == address })
                #expect(!(row["conflicts"] as? [String] ?? []).isEmpty, "\(row)")
            }
            let after = try await office.kiemke(["devices", "show", "MÁY IN-01", "--format", "json"])
            #expect(after.stdout.contains("198.18.6.41"), "nothing moved: \(after.stdout)")
            let list = try await office.kiemke(["devices", "list", "--format", "csv", "--no-bom"])
            #expect(!list.stdout.contains("198.18.6.42"), "a conflicting device is not enrolled: \(list.stdout)")
        }
    }

    @Test("packets leave no faster than the configured rate, counted by the kernel (ICMP echoes, TCP opens, UDP datagrams)")
    func rateLimit() async throws {
        try await Testbed.with { testbed in
            let folder = TemporaryDirectory()
            let config = try folder.write("k.toml", "[discovery]\ntimeout = \"400ms\"\n")
            let before = try await Self.sent(testbed)
            // 100 silent addresses (blackholed): three echoes and the four finding ports each, at 250 packets a second.
            let sweep = try await testbed.kiemke(["discover", "198.18.2.1-100", "--rate", "250", "--format", "json",
                                                  "--config", config.path, "--db", folder.path("k.sqlite")])
            let after = try await Self.sent(testbed)
            #expect(sweep.status == 0, "\(sweep.stderr)")
            let packets = after - before
            #expect(packets >= 100 * 3, "the sweep sent its packets: \(packets)")
            // Generous: the wall time includes start-up, so the true rate is lower still.
            let rate = Double(packets) / sweep.seconds
            #expect(rate <= 250 * 1.25, "\(packets) packets in \(sweep.seconds) s")
        }
    }

    /// Packets the prober namespace has sent: ICMP echo requests, TCP connection attempts, UDP datagrams.
    static func sent(_ testbed: Testbed) async throws -> Int {
        let text = try await testbed.exec(["/bin/cat", "/proc/net/snmp"]).stdout
        let lines = text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        func value(_ proto: String, _ field: String) -> Int {
            let rows = lines.filter { $0.first == proto + ":" }
            guard rows.count == 2, let index = rows[0].firstIndex(of: field), index < rows[1].count else { return 0 }
            return Int(rows[1][index]) ?? 0
        }
        return value("Icmp", "OutEchos") + value("Tcp", "ActiveOpens") + value("Udp", "OutDatagrams")
    }

    @Test("a malformed range or one over the cap without --yes exits 2 and sweeps nothing")
    func refusals() async throws {
        for arguments in [["10.0.0.0/33"], ["10.0.0.0/16"], ["10.0.0.5-10.0.0.1"], ["nonsense"]] {
            let outcome = try await KiemkeProcess.run(["discover"] + arguments + ["--db", "/nonexistent/never.sqlite"])
            #expect(outcome.status == 2, "\(arguments): \(outcome.stderr)")
            #expect(outcome.stdout.isEmpty)
        }
    }
}
