import Foundation
import Inventory
import Testing
import TestSupport

@Suite("Report periods")
struct ReportPeriodTests {
    @Test("half-years, years and quarters", arguments: [
        ("2023-H1", "2023-01-01", "2023-06-30"), ("2023-h2", "2023-07-01", "2023-12-31"),
        ("2023", "2023-01-01", "2023-12-31"), ("2023-Q1", "2023-01-01", "2023-03-31"), ("2024-Q4", "2024-10-01", "2024-12-31"),
    ])
    func parse(text: String, from: String, to: String) throws {
        #expect(try ReportPeriod(parsing: text) == ReportPeriod(fromDay: from, toDay: to))
    }

    @Test("days that do not exist are refused, naming the value", arguments: [
        "2026-02-30", "2023-02-29", "2023-13-01", "2023-00-10", "2023-04-31", "2023-1-01", "23-01-01", "2023-01-01x", "２０２３-01-01", "",
    ])
    func badDays(text: String) {
        #expect(DayKey(text) == nil)
        #expect(throws: ReportPeriod.Failure.badDate(text)) { try ReportPeriod(fromDay: text, toDay: "2030-12-31") }
        #expect(ReportPeriod.Failure.badDate(text).description.contains("\"\(text)\""))
    }

    @Test("real days, leap years included", arguments: ["2024-02-29", "2000-02-29", "2023-12-31", "2023-04-30"])
    func goodDays(text: String) throws {
        let day = try #require(DayKey(text))
        #expect(day.text == text)
        #expect(DayKey(day.start(in: OfficeHours().calendar), calendar: OfficeHours().calendar) == day)
    }

    @Test("a period that has not started cannot be reported on; a running one ends now")
    func notStarted() throws {
        let calendar = OfficeHours().calendar
        let now = local("2026-11-30 20:00")
        #expect(throws: ReportPeriod.Failure.notStarted(from: "2027-01-01", today: "2026-11-30")) {
            try ReportPeriod(parsing: "2027-H1").span(now: now, calendar: calendar)
        }
        let running = try ReportPeriod(parsing: "2026-H2")
        #expect(try running.span(now: now, calendar: calendar).end == now)
        #expect(running.isRunning(at: now, calendar: calendar))
        let past = try ReportPeriod(parsing: "2023-H1")
        #expect(try past.span(now: now, calendar: calendar).end == local("2023-07-01 00:00"))
        #expect(!past.isRunning(at: now, calendar: calendar))
    }

    @Test("nonsense periods and reversed dates are refused with a message")
    func refuse() {
        #expect(throws: ReportPeriod.Failure.unknown("2023-H3")) { try ReportPeriod(parsing: "2023-H3") }
        #expect(throws: ReportPeriod.Failure.unknown("last year")) { try ReportPeriod(parsing: "last year") }
        #expect(throws: ReportPeriod.Failure.badDate("2023-13-01")) { try ReportPeriod(fromDay: "2023-13-01", toDay: "2023-12-31") }
        #expect(throws: ReportPeriod.Failure.reversed(from: "2023-12-01", to: "2023-01-01")) { try ReportPeriod(fromDay: "2023-12-01", toDay: "2023-01-01") }
    }

    @Test("the default is the current half-year up to today, in the office's time zone")
    func currentHalf() {
        let calendar = OfficeHours().calendar
        // 2026-07-01 02:00 in Hà Nội is still 2026-06-30 in UTC.
        let now = local("2026-07-01 02:00")
        #expect(ReportPeriod.currentHalf(now: now, calendar: calendar) == days("2026-07-01", "2026-07-01"))
        #expect(ReportPeriod.currentHalf(now: local("2026-03-15 12:00"), calendar: calendar) == days("2026-01-01", "2026-03-15"))
    }
}

@Suite("Vietnamese number style")
struct NumberStyleTests {
    @Test("counts below ten have two digits; thousands use '.', decimals ','")
    func vietnamese() {
        let n = NumberStyle(.vi)
        #expect(n.count(2) == "02")
        #expect(n.count(16) == "16")
        #expect(n.count(1144) == "1.144")
        #expect(n.percent(1103.0 / 1144.0 * 100) == "96,4%")
        #expect(n.percent(100) == "100%")
        #expect(n.percent(99.96) == "99,9%", "100% only when exactly 100")
        #expect(n.percent(0.01) == "0,1%", "0% only when exactly 0")
        #expect(n.percent(0) == "0%")
        #expect(n.count(0) == "0", "zero is 0, never 00")
        #expect(n.hours(4_140_000, of: 4_320_000) == "1.150/1.200 giờ")
        #expect(n.hours(2700, of: 2700) == "45/45 phút")
    }

    @Test("English keeps its own style")
    func english() {
        let n = NumberStyle(.en)
        #expect(n.count(2) == "2")
        #expect(n.grouped(1144) == "1,144")
        #expect(n.percent(96.42) == "96.4%")
    }
}

@Suite("Report figures from recorded data")
struct ReportFigureTests {
    @Test("availability, coverage, marks as of the period's end, and retired devices")
    func figures() throws {
        let r = try RecordingFixture(kind: .camera)
        let store = r.fixture.store
        // A second camera, retired before the period.
        try store.add(Device(name: "OLD", kind: .camera, address: "127.0.0.2", createdAt: local("2026-10-01 00:00")), by: "t")
        try store.retire(named: "OLD", at: local("2026-10-15 00:00"))
        // 10:00-10:10 up, then 3 failures: down 10:11-10:13 (back-dated), up again at 10:14.
        try r.feed([Bool](repeating: true, count: 11) + [false, false, false, true], from: local("2026-11-30 10:00"))
        try store.mark(named: "D", condition: .degraded, note: "hình mờ", by: "lan", at: local("2026-11-30 12:00"))
        try store.mark(named: "D", condition: .broken, by: "lan", at: local("2026-12-05 12:00"))

        let report = try DigitalGovernmentReport(
            store: store, period: days("2026-11-30", "2026-11-30"), hours: r.policy.hours,
            office: "UBND xã Minh Đức", now: local("2026-12-10 00:00"))
        let camera = try #require(report.kinds.first { $0.kind == .camera })
        #expect(camera.total == 1, "the retired camera is not counted")
        #expect(camera.conditions == [.degraded: 1], "the mark as of the period's end, not today's")
        #expect(camera.time.up == 660 && camera.time.down == 180)
        #expect(camera.availabilityPercent! == 660.0 / 840.0 * 100)
        #expect(camera.expectedSeconds == 86_400)
        #expect(report.equipment.map(\.name) == ["D"])
        #expect(report.equipment.first?.note == "hình mờ")
        let text = report.text(.vi)
        #expect(text.contains("camera an ninh 78,6% (11/14 phút)"))
        // Measured 10:00-10:14 of a Monday's 9,5 working hours.
        #expect(text.contains("kiemke theo dõi từ ngày 30/11/2026; dữ liệu đo phủ 2,5% thời gian làm việc của kỳ báo cáo (0,2/9,5 giờ)"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try report.json().utf8)) as? [String: Any])
        let cam = try #require((json["kinds"] as? [String: [String: Any]])?["camera"])
        #expect(cam["up_seconds"] as? Double == 660)
        #expect(cam["down_seconds"] as? Double == 180)
        #expect(cam["availability_pct"] as? Double == 78.6)
    }

    @Test("internet link targets are reported as the link's availability, not as equipment")
    func internetLink() throws {
        let fixture = try StoreFixture()
        try fixture.store.add(Device(name: "SW-01", kind: .network, address: "127.0.0.3", createdAt: local("2026-11-01 00:00")), by: "t")
        try fixture.store.syncInternetLinks(["127.0.0.9"], at: local("2026-11-01 00:00"))
        let link = try #require(try fixture.store.devices(includeInternetLinks: true).first { $0.role == .internetLink })
        #expect(link.name == "Internet (127.0.0.9)")
        #expect(try fixture.store.devices().map(\.name) == ["SW-01"], "links are not equipment")
        let policy = RecordingPolicy(interval: 60)
        let start = local("2026-11-30 10:00")
        for (i, up) in [true, true, false, false, true].enumerated() {
            try fixture.store.record([Observation(deviceId: link.id!, time: start + Double(i) * 60, up: up)], policy: policy)
        }
        let report = try DigitalGovernmentReport(store: fixture.store, period: days("2026-11-30", "2026-11-30"),
                                                 hours: OfficeHours(), office: "", now: local("2026-12-01 00:00"))
        #expect(report.kinds.map(\.kind) == [.network])
        #expect(report.kinds.first?.total == 1)
        // Up 10:00-10:01, down 10:01-10:03 (back-dated to the first failure), up 10:03-10:04.
        #expect(report.internet?.time.up == 120 && report.internet?.time.down == 120)
        #expect(report.text(.vi).contains("kết nối Internet 50% (2/4 phút)"))
        #expect(!report.text(.vi).contains("127.0.0.9"), "no address in the text")
        // Dropping the target from the config retires it; its history stays.
        try fixture.store.syncInternetLinks([])
        #expect(try fixture.store.devices(includeInternetLinks: true).map(\.name) == ["SW-01"])
        #expect(try fixture.store.devices(includeRetired: true, includeInternetLinks: true).count == 2)
    }

    @Test("readiness facts are printed only when given")
    func readiness() throws {
        let fixture = try StoreFixture()
        try fixture.store.add(Device(name: "PC-01", kind: .computer, address: ""), by: "t")
        let period = days("2026-01-01", "2026-12-31")
        let bare = try DigitalGovernmentReport(store: fixture.store, period: period, hours: OfficeHours(), office: "")
        #expect(!bare.text(.vi).contains("hộp thư điện tử"))
        let facts = ReadinessFacts(staff: 20, staffWithOfficialEmail: 20, digitalSignatures: 6, software: ["Hộ tịch"], onlineMeetingRoom: true)
        let full = try DigitalGovernmentReport(store: fixture.store, period: period, hours: OfficeHours(), office: "", readiness: facts)
        let text = full.text(.vi)
        #expect(text.contains("Tỷ lệ CBCC được cấp hộp thư điện tử công vụ đạt 100% (20/20 người)"))
        #expect(text.contains("Ứng dụng chữ ký số (06 chữ ký số đang sử dụng)"))
        #expect(text.contains("Xây dựng và hoàn thiện phòng họp trực tuyến"))
    }

    @Test("the CSV has one row per device and the Markdown a table of figures")
    func formats() throws {
        let fixture = try StoreFixture()
        try fixture.store.add(Device(name: "PC-01", kind: .computer, address: "127.0.0.1", location: "Văn phòng, tầng 1"), by: "t")
        try fixture.store.add(Device(name: "PC-02", kind: .computer, address: "127.0.0.2"), condition: .broken, by: "t")
        let report = try DigitalGovernmentReport(store: fixture.store, period: days("2026-01-01", "2026-12-31"),
                                                 hours: OfficeHours(), office: "")
        let rows = try CSVReader().records(from: report.csv())
        #expect(rows.count == 3)
        #expect(rows[1].fields[0] == "PC-01" && rows[1].fields[3] == "Văn phòng, tầng 1")
        #expect(rows[2].fields[4] == "broken")
        #expect(report.markdown(.vi).contains("| Máy tính | 2 | 1 | 0 | 0 | 1 |"), "zero is 0 in tables, never 00")
    }
}
