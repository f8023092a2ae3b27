import Agent
import Foundation
import Inventory
import Logging
import Probes
import Testing
import TestSupport

@Suite("The seed report reproduced from the Minh Đức fixture",
       .enabled(if: SharedFixtures.shared("fixtures/minh-duc/devices.csv") != nil, "needs ../shared/fixtures/minh-duc"))
struct SeedReportTests {
    /// Imports the fixture, runs one probe cycle through the daemon's code path, and builds the report.
    static func report() async throws -> (DigitalGovernmentReport, TemporaryDirectory) {
        let folder = TemporaryDirectory()
        let store = try InventoryStore(path: folder.path("kiemke.sqlite"))
        try DeviceImporter(store: store).importFile(at: SharedFixtures.shared("fixtures/minh-duc/devices.csv")!, by: "test")
        var configuration = Configuration()
        configuration.office = "UBND xã Minh Đức"
        configuration.probe.timeout = .milliseconds(500)
        let polling = PollingService(store: store, source: ConfigurationSource(configuration), logger: Logger(label: "test"))
        let cycle = try await polling.runOnce()
        #expect(cycle.devices == 44 && cycle.up == 44, "every fixture address is on loopback and must answer: \(cycle)")
        let workspace = try Workspace(dbFlag: folder.path("kiemke.sqlite"), configFlag: nil, environment: [:], isRoot: false)
        let report = try workspace.report(store: store, request: ReportRequest(period: nil), now: Date())
        return (report, folder)
    }

    @Test("the Vietnamese text states every figure of expected.md in the seed's words")
    func vietnameseText() async throws {
        let (report, _) = try await Self.report()
        let text = report.text(.vi)
        #expect(text.contains("tổng số máy tính: 24 cái"))
        #expect(text.contains("tổng số máy tính: 24 cái (đều hoạt động tốt), 100% (24/24 máy) được kết nối mạng LAN"))
        #expect(text.contains("Máy Scan: 02 cái (trong đó có 01 máy đã xuống cấp)"))
        #expect(text.contains("Máy photocopy: 02 cái (trong đó 01 cái đã bị hỏng)"))
        #expect(text.contains("Hệ thống camera an ninh có 16 cái, trong đó 11 cái hoạt động tốt, 05 cái hoạt động trung bình"))
        #expect(text.contains("Máy photocopy tại Bộ phận một cửa (PHOTO-02): đã bị hỏng"))
        #expect(text.contains("Máy Scan tại Văn phòng – Thống kê (SCAN-02): đã xuống cấp"))
        // The text to paste names no product, no address and no device code.
        let paste = String(text[..<(text.range(of: "-----")?.lowerBound ?? text.endIndex)])
        for word in ["kiemke", "127.20.", "PC-", "PHOTO-", "SCAN-", "CAM-"] {
            #expect(!paste.contains(word), "the text to paste says \(word)")
        }
        #expect(text == text.precomposedStringWithCanonicalMapping, "the report is NFC")
    }

    @Test("the JSON carries the same figures with numerators and denominators")
    func json() async throws {
        let (report, _) = try await Self.report()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try report.json().utf8)) as? [String: Any])
        let kinds = try #require(object["kinds"] as? [String: [String: Any]])
        let computer = try #require(kinds["computer"])
        #expect(computer["total"] as? Int == 24)
        #expect(computer["reachable"] as? Int == 24)
        #expect(computer["networked"] as? Int == 24)
        #expect(computer["reachable_pct"] as? Double == 100.0)
        #expect((try #require(computer["conditions"] as? [String: Int])) == ["good": 24, "fair": 0, "degraded": 0, "broken": 0])
        #expect((try #require(kinds["scanner"]?["conditions"] as? [String: Int])) == ["good": 1, "fair": 0, "degraded": 1, "broken": 0])
        #expect((try #require(kinds["copier"]?["conditions"] as? [String: Int])) == ["good": 1, "fair": 0, "degraded": 0, "broken": 1])
        #expect((try #require(kinds["camera"]?["conditions"] as? [String: Int])) == ["good": 11, "fair": 5, "degraded": 0, "broken": 0])
        #expect(kinds["camera"]?["total"] as? Int == 16)
        let attention = try #require(object["attention"] as? [[String: Any]])
        let photo = attention.first { $0["name"] as? String == "PHOTO-02" }
        #expect(photo?["kind"] as? String == "copier")
        #expect(photo?["condition"] as? String == "broken")
        #expect(photo?["note"] as? String == "máy đã bị hỏng")
        #expect(photo?["since"] is String)
        let period = try #require(object["period"] as? [String: String])
        let from = try #require(period["from"])
        #expect(from.hasSuffix("-01-01") || from.hasSuffix("-07-01"))
    }
}
