import Foundation
import Inventory
import Testing
import TestSupport

/// Renders a report the way `kiemke report --format F --lang L` prints it.
enum GoldenReport {
    /// The text forms; the DOCX is checked by WordDocumentTests against its real readers.
    static let formats = ReportFormat.allCases.filter(\.isText)

    static func render(_ report: DigitalGovernmentReport, format: ReportFormat, language: ReportLanguage) throws -> String {
        try report.rendered(format, language: language)
    }

    /// The golden file's name: text and Markdown per language; JSON and CSV say no words, so one file serves both.
    static func fileName(_ scenario: String, format: ReportFormat, language: ReportLanguage) -> String {
        switch format {
        case .text: "\(scenario).\(language.rawValue).txt"
        case .markdown: "\(scenario).\(language.rawValue).md"
        case .json: "\(scenario).json"
        case .csv: "\(scenario).csv"
        case .docx: "\(scenario).docx"
        }
    }

    /// Checks every format in both languages against the scenario's golden files.
    static func check(_ report: DigitalGovernmentReport, scenario: String, digestCSV: Bool = false) throws {
        for format in formats {
            for language in ReportLanguage.allCases {
                let output = try render(report, format: format, language: language)
                let name = fileName(scenario, format: format, language: language)
                if digestCSV && format == .csv {
                    try GoldenFile(name + ".fnv1a64").checkDigest(output)
                } else {
                    try GoldenFile(name).check(output)
                }
            }
        }
    }
}

/// These pin `kiemke report`'s outputs byte for byte: a refactor of the report must keep every one.
@Suite("Report outputs match the golden files")
struct ReportGoldenTests {
    @Test("a fortnight of history: the quarter so far, with attention items, readiness and the internet link")
    func historyQuarter() throws {
        let history = try ReportHistoryFixture()
        let report = try DigitalGovernmentReport(
            store: history.store, period: days("2026-01-01", "2026-03-31"), hours: ReportHistoryFixture.hours,
            office: ReportHistoryFixture.office, readiness: ReportHistoryFixture.readiness, now: ReportHistoryFixture.now)
        #expect(report.attention.count >= 6, "the fixture must raise attention items: \(report.attention)")
        #expect(report.equipment.count == 2)
        try GoldenReport.check(report, scenario: "history-q1")
    }

    @Test("a fortnight of history: a past week, marks as of its end")
    func historyWeek() throws {
        let history = try ReportHistoryFixture()
        let report = try DigitalGovernmentReport(
            store: history.store, period: days("2026-03-02", "2026-03-06"), hours: ReportHistoryFixture.hours,
            office: ReportHistoryFixture.office, readiness: ReadinessFacts(staff: 8), now: ReportHistoryFixture.now)
        try GoldenReport.check(report, scenario: "history-week")
    }

    @Test("devices never probed, no office name, no readiness")
    func unprobed() throws {
        let fixture = try StoreFixture()
        let created = local("2026-01-15 09:00")
        try fixture.store.add(Device(name: "PC-01", kind: .computer, address: "10.1.0.1", createdAt: created), by: "t")
        try fixture.store.add(Device(name: "PC-02", kind: .computer, address: "", createdAt: created), condition: .fair, by: "t")
        try fixture.store.add(Device(name: "Máy photo tầng 2", kind: .copier, address: "10.1.0.2", location: "Tầng 2",
                                     note: "mất nguồn", createdAt: created), condition: .broken, by: "t")
        try fixture.store.add(Device(name: "CAM-01", kind: .camera, address: "10.1.0.3", createdAt: created), by: "t")
        let report = try DigitalGovernmentReport(
            store: fixture.store, period: days("2026-01-01", "2026-06-30"), hours: OfficeHours(),
            office: "", now: local("2026-02-01 10:00"))
        try GoldenReport.check(report, scenario: "unprobed")
    }

    @Test("the Minh Đức fixture, imported and probed on fixed dates",
          .enabled(if: StoreFixture.minhDucCSV != nil, "needs ../shared/fixtures/minh-duc"))
    func minhDuc() throws {
        let fixture = try StoreFixture()
        let csv = try #require(StoreFixture.minhDucCSV)
        try DeviceImporter(store: fixture.store).importFile(at: csv, by: "test", at: local("2026-01-05 08:00"))
        let hours = OfficeHours()
        let policy = RecordingPolicy(interval: 900, hours: hours)
        let devices = try fixture.store.devices()
        let now = local("2026-01-09 12:00")
        var t = local("2026-01-05 08:00")
        while t <= now {
            // Computers are switched off outside office hours; everything else answers.
            let batch = devices.filter { !$0.address.isEmpty && (hours.isOpen(at: t) || !hours.follows($0)) }
                .map { Observation(deviceId: $0.id!, time: t, up: true, answeredBy: "icmp", rttMs: 0.1) }
            try fixture.store.record(batch, policy: policy)
            t += 900
        }
        let report = try DigitalGovernmentReport(store: fixture.store, period: try ReportPeriod(parsing: "2026-H1"), hours: hours,
                                                 office: "UBND xã Minh Đức", now: now)
        #expect(report.kinds.first { $0.kind == .computer }?.total == 24)
        // The CSV would copy the fixture's device list into the repository (../shared stays outside it): pinned by digest.
        try GoldenReport.check(report, scenario: "minh-duc", digestCSV: true)
    }
}
