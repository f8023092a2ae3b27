import Foundation
import Inventory
import KiemkeCore
import ProvinceStore
import ProvinceSync
import Testing

/// Three communes feed one server: the province's totals are the sums of their local reports.
@Suite("Province totals", .serialized, .timeLimit(.minutes(10)))
struct ProvinceTotalsTests {
    static let summed = ["total", "unmarked", "networked", "measured", "reachable", "public_service",
                         "up_seconds", "down_seconds", "broken_seconds", "off_seconds", "expected_seconds"]

    @Test("province totals equal the sum of three local reports, and each row equals its commune's kinds")
    func totalsAddUp() async throws {
        if let reason = PostgresServer.missing { print("skipped: \(reason)"); return }
        let codes = ["A", "B", "C"]
        let province = try await ProvinceFixture(offices: codes)
        var locals: [String: [String: Any]] = [:]
        for (index, code) in codes.enumerated() {
            let commune = try CommuneHistory(office: "UBND xã \(code)", seed: index + 1, days: 3 + index)
            try await SyncRound.run(store: commune.store, settings: try province.settings(code: code, office: commune.office),
                                    logger: province.logger)
            locals[code] = try #require(try JSONSerialization.jsonObject(with: Data(commune.localJSON().utf8)) as? [String: Any])
        }
        let admin = try await province.adminConnection()
        let report = try await ProvinceReport.make(on: admin, period: try ReportPeriod(parsing: CommuneHistory.period),
                                                   now: CommuneHistory.now, staleAfter: 30 * 86_400 * 365)
        await admin.close()
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        let offices = try #require(json["offices"] as? [[String: Any]])
        #expect(offices.map { $0["code"] as? String } == codes)
        for office in offices {
            let code = try #require(office["code"] as? String)
            let localKinds = try #require(locals[code]?["kinds"] as? NSDictionary)
            #expect((office["kinds"] as? NSDictionary) == localKinds, "office \(code)'s kinds differ from its local report")
            #expect(office["last_sync"] is String)
        }
        let totals = try #require((json["totals"] as? [String: Any])?["kinds"] as? [String: [String: Any]])
        let allKinds = Set(locals.values.flatMap { (($0["kinds"] as? [String: Any]) ?? [:]).keys })
        #expect(Set(totals.keys) == allKinds)
        for kind in allKinds {
            for field in Self.summed {
                let sum = locals.values.reduce(0.0) { total, local in
                    total + ((((local["kinds"] as? [String: Any])?[kind] as? [String: Any])?[field] as? NSNumber)?.doubleValue ?? 0)
                }
                let provinceValue = (totals[kind]?[field] as? NSNumber)?.doubleValue
                // Seconds are rounded per report: the sum of rounded values is within one second per commune.
                #expect(abs((provinceValue ?? -1) - sum) <= (field.hasSuffix("_seconds") ? Double(codes.count) : 0),
                        "\(kind).\(field): province \(provinceValue ?? -1), sum of communes \(sum)")
            }
            for condition in Condition.allCases.map(\.rawValue) {
                let sum = locals.values.reduce(0) { total, local in
                    total + (((((local["kinds"] as? [String: Any])?[kind] as? [String: Any])?["conditions"] as? [String: Any])?[condition] as? Int) ?? 0)
                }
                #expect((totals[kind]?["conditions"] as? [String: Any])?[condition] as? Int == sum)
            }
        }
        // Every format renders, in both languages.
        for language in ReportLanguage.allCases {
            for format in [ReportFormat.text, .markdown, .csv] {
                let text = try report.rendered(format, language: language)
                #expect(text.contains("Xã B"))
            }
        }
        #expect(try report.rendered(.text, language: .vi).contains("hỏng nguồn"))
    }

    @Test("a commune that has not synced within the set time is listed as stale")
    func staleOffices() async throws {
        if let reason = PostgresServer.missing { print("skipped: \(reason)"); return }
        let province = try await ProvinceFixture(offices: ["A", "B"])
        let commune = try CommuneHistory(office: "UBND xã A", seed: 1, days: 1)
        try await SyncRound.run(store: commune.store, settings: try province.settings(code: "A", office: commune.office), logger: province.logger)
        let admin = try await province.adminConnection()
        let report = try await ProvinceReport.make(on: admin, period: try ReportPeriod(parsing: CommuneHistory.period),
                                                   now: Date(), staleAfter: 3_600)
        await admin.close()
        #expect(report.offices.map(\.stale) == [false, true])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        #expect(json["stale_offices"] as? [String] == ["B"])
    }
}
