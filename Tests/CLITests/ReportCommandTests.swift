import Foundation
import Inventory
import KiemkeCore
import Testing
import TestSupport

/// A time in the office's zone (Asia/Ho_Chi_Minh), "2026-11-29 20:00".
private func hanoi(_ text: String) -> Date {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    guard let date = formatter.date(from: text) else { preconditionFailure("bad test time \(text)") }
    return date
}

/// A database with history written through the library, and `kiemke report` run on it at a fixed "now".
///
/// The history is recorded the way the daemon records it (`InventoryStore.record`), with devices and
/// marks dated in the past through the library (`createdAt`, `mark(at:)`).
private struct ReportCLI {
    let cli = CLI()
    var config: String?

    /// Runs `kiemke report ARGS` with KIEMKE_NOW at `now` (nil: the real clock).
    func report(_ arguments: [String], now: String?, db: String? = nil) async throws -> KiemkeProcess.Outcome {
        var environment = ["KIEMKE_DB": db ?? cli.database, "USER": "tester"]
        if let now { environment["KIEMKE_NOW"] = now }
        if let config { environment["KIEMKE_CONFIG"] = config }
        return try await KiemkeProcess.run(["report"] + arguments, environment: environment)
    }

    func json(_ arguments: [String], now: String?) async throws -> [String: Any] {
        let outcome = try await report(arguments + ["--format", "json"], now: now)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    }

    func open() throws -> InventoryStore { try InventoryStore(path: cli.database) }

    /// Three computers, three cameras and a copier added on Monday 2 November 2026, polled every
    /// 15 minutes from Monday 23 to Friday 27 November; computers answer only in office hours.
    static func smallOffice() throws -> ReportCLI {
        let office = ReportCLI()
        let store = try office.open()
        let added = hanoi("2026-11-02 08:00")
        for i in 1...3 {
            try store.add(Device(name: "PC-0\(i)", kind: .computer, address: "127.0.0.\(i)", location: "Văn phòng", createdAt: added), by: "t")
            try store.add(Device(name: "CAM-0\(i)", kind: .camera, address: "127.0.1.\(i)", location: "Cổng", createdAt: added), by: "t")
        }
        try store.add(Device(name: "PHOTO-01", kind: .copier, address: "127.0.2.1", location: "Một cửa", createdAt: added), by: "t")
        try record(store, from: hanoi("2026-11-23 07:00"), to: hanoi("2026-11-27 18:00"), step: 900)
        return office
    }

    /// Records a probe of every active device every `step` seconds; devices that follow office hours are silent outside them.
    static func record(_ store: InventoryStore, from: Date, to: Date, step: TimeInterval) throws {
        let hours = OfficeHours()
        let policy = RecordingPolicy(interval: step, hours: hours)
        let devices = try store.devices()
        var t = from
        while t <= to {
            let batch = devices.filter { !$0.address.isEmpty && $0.createdAt <= t }
                .map { Observation(deviceId: $0.id ?? 0, time: t, up: !hours.follows($0) || hours.isOpen(at: t), answeredBy: "icmp") }
            try store.record(batch, policy: policy)
            t += step
        }
    }

    /// The text before the separator: what an officer pastes.
    static func pasteable(_ text: String) -> String {
        String(text[..<(text.range(of: "-----")?.lowerBound ?? text.endIndex)])
    }
}

@Suite("CLI: kiemke report states the figures the README defines", .serialized,
       .enabled(if: CLI.available, "the kiemke binary is not built; run `swift build` first"))
struct ReportCommandTests {
    @Test("at 20:00 and on Sunday, computers switched off are not 'not connected'", arguments: [
        "2026-11-27T20:00:00+07:00", "2026-11-29T10:00:00+07:00", "2026-11-29T20:00:00+07:00",
    ])
    func offHours(now: String) async throws {
        let office = try ReportCLI.smallOffice()
        let outcome = try await office.report(["--period", "2026-H2"], now: now)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let paste = ReportCLI.pasteable(outcome.stdout)
        #expect(paste.contains("tổng số máy tính: 03 cái (đều hoạt động tốt), 100% (3/3 máy) được kết nối mạng LAN"), "\(outcome.stdout)")
        #expect(!outcome.stdout.contains(" 0%") && !outcome.stdout.contains("(0/"), "\(outcome.stdout)")
        // Three computers × 5 days × 07:30-17:00 = 142,5 hours, all up.
        #expect(paste.contains("máy tính 100% (143/143 giờ, trong giờ làm việc)"), "\(paste)")
        let json = try await office.json(["--period", "2026-H2"], now: now)
        let computer = try #require((json["kinds"] as? [String: [String: Any]])?["computer"])
        #expect(computer["reachable"] as? Int == 3 && computer["networked"] as? Int == 3)
        #expect(computer["reachable_pct"] as? Double == 100)
        #expect(computer["down_seconds"] as? Double == 0, "nights and weekends are off, not down")
    }

    @Test("a period that started before kiemke says from when it measured, over the whole period's working time")
    func startedBeforeKiemke() async throws {
        let office = try ReportCLI.smallOffice()
        let outcome = try await office.report(["--period", "2026-H2"], now: "2026-11-29T20:00:00+07:00")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("kiemke theo dõi từ ngày 23/11/2026"), "\(outcome.stdout)")
        #expect(!outcome.stdout.contains("từ ngày 01/07/2026 đến ngày"), "no claim of measurement since the period's start")
        let json = try await office.json(["--period", "2026-H2"], now: "2026-11-29T20:00:00+07:00")
        let coverage = try #require(json["coverage"] as? [String: Any])
        // 23-27 November, 07:30-17:00 (07:00 to 18:00 polled): 47,5 of the working hours since 1 July.
        #expect(coverage["measured_seconds"] as? Double == 47.5 * 3600)
        let pct = try #require(json["coverage_pct"] as? Double)
        #expect(pct > 0 && pct < 10)
        let again = try await office.json(["--period", "2026-H2"], now: "2026-11-29T20:00:00+07:00")
        #expect(again["coverage_pct"] as? Double == pct, "the same data and moment give the same figure")
    }

    @Test("a past period with data states its figures as of its end; one without data states none")
    func pastPeriods() async throws {
        let office = try ReportCLI.smallOffice()
        let store = try office.open()
        // After the week measured: a camera breaks. A report on that week does not see it.
        try store.mark(named: "CAM-01", condition: .broken, by: "t", at: hanoi("2026-11-28 09:00"))
        let week = try await office.report(["--from", "2026-11-23", "--to", "2026-11-27"], now: "2026-11-29T20:00:00+07:00")
        #expect(week.status == 0, "\(week.stderr)")
        #expect(week.stdout.contains("Hệ thống camera an ninh có 03 cái, trong đó 03 cái hoạt động tốt"), "\(week.stdout)")
        #expect(week.stdout.contains("camera an ninh 100% (321/321 giờ)"), "\(week.stdout)")

        // Devices existed, but kiemke measured nothing that week: counts, and no percentage at all.
        let quiet = try await office.report(["--from", "2026-11-02", "--to", "2026-11-08"], now: "2026-11-29T20:00:00+07:00")
        #expect(quiet.status == 0, "\(quiet.stderr)")
        #expect(quiet.stdout.contains("tổng số máy tính: 03 cái (đều hoạt động tốt)."), "\(quiet.stdout)")
        #expect(quiet.stdout.contains("Kỳ báo cáo không có dữ liệu đo"))
        #expect(!quiet.stdout.contains("%"), "\(quiet.stdout)")
        let quietJSON = try await office.json(["--from", "2026-11-02", "--to", "2026-11-08"], now: "2026-11-29T20:00:00+07:00")
        let computer = try #require((quietJSON["kinds"] as? [String: [String: Any]])?["computer"])
        #expect(computer["reachable_pct"] is NSNull && computer["availability_pct"] is NSNull)
        #expect(quietJSON["coverage_pct"] is NSNull)

        // Before any device: says so, prints no percentage, never "Hạ tầng công nghệ thông tin: .".
        let before = try await office.report(["--period", "2025-H1"], now: "2026-11-29T20:00:00+07:00")
        #expect(before.status == 0, "\(before.stderr)")
        #expect(before.stdout.contains("Không có thiết bị nào trong danh sách kiểm kê tại ngày 30/06/2025"), "\(before.stdout)")
        #expect(before.stdout.contains("Kỳ báo cáo kết thúc trước khi có thiết bị nào trong danh sách kiểm kê (thiết bị đầu tiên có từ ngày 02/11/2026)"))
        #expect(!before.stdout.contains("%") && !before.stdout.contains("Hạ tầng công nghệ thông tin: ."))
    }

    @Test("a retired device is not counted; retired and added again it is one device")
    func retireAndReAdd() async throws {
        let office = try ReportCLI.smallOffice()
        let removed = try await office.cli.run("devices", "remove", "PC-03")
        #expect(removed.status == 0, "\(removed.stderr)")
        for step in [["devices", "remove", "CAM-02"], ["devices", "add", "CAM-02", "--kind", "camera", "--address", "127.0.1.2", "--location", "Cổng"]] {
            let outcome = try await office.cli.run(step)
            #expect(outcome.status == 0, "\(step): \(outcome.stderr)")
        }
        // The real clock: retiring and adding are stamped now.
        let outcome = try await office.report(["--period", "2026-H2"], now: nil)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("tổng số máy tính: 02 cái (đều hoạt động tốt), 100% (2/2 máy) được kết nối mạng LAN"), "\(outcome.stdout)")
        // The camera added again is the one that answered before: 3 of 3, not 3 of 4, not 2 of 3.
        #expect(outcome.stdout.contains("Hệ thống camera an ninh có 03 cái"), "\(outcome.stdout)")
        #expect(!outcome.stdout.contains("chưa có dữ liệu đo"), "\(outcome.stdout)")
        let json = try await office.json(["--period", "2026-H2"], now: nil)
        let kinds = try #require(json["kinds"] as? [String: [String: Any]])
        #expect(kinds["computer"]?["total"] as? Int == 2)
        #expect(kinds["camera"]?["total"] as? Int == 3 && kinds["camera"]?["reachable"] as? Int == 3)
        // PC-03's measured time still counts in availability: 3 computers × 47,5 hours.
        #expect(kinds["computer"]?["up_seconds"] as? Double == 3 * 47.5 * 3600)
    }

    @Test("a period not yet started and an impossible date are usage errors, and touch no database", arguments: [
        (["--period", "2027-H1"], "2027-01-01"), (["--from", "2026-02-30"], "2026-02-30"), (["--from", "2026-01-01", "--to", "2026-13-01"], "2026-13-01"),
        (["--period", "2026-H3"], "2026-H3"), (["--from", "2026-12-01", "--to", "2026-12-31"], "2026-12-01"),
    ])
    func refused(arguments: [String], named: String) async throws {
        let office = ReportCLI()
        let fresh = office.cli.folder.path("never-created.sqlite")
        let outcome = try await office.report(arguments, now: "2026-11-29T20:00:00+07:00", db: fresh)
        #expect(outcome.status == 2, "\(arguments): \(outcome.stdout) \(outcome.stderr)")
        #expect(outcome.stderr.contains(named), "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: fresh))
    }

    @Test("an empty database says the list is empty and prints no figure")
    func emptyDatabase() async throws {
        let office = ReportCLI()
        _ = try office.open()
        for lang in ["vi", "en"] {
            let outcome = try await office.report(["--lang", lang], now: "2026-11-29T20:00:00+07:00")
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(!outcome.stdout.contains("Hạ tầng công nghệ thông tin: .") && !outcome.stdout.contains("%"), "\(outcome.stdout)")
            #expect(outcome.stdout.contains(lang == "vi" ? "Danh sách thiết bị còn trống" : "The inventory is empty"), "\(outcome.stdout)")
        }
        let json = try await office.json([], now: "2026-11-29T20:00:00+07:00")
        #expect((json["kinds"] as? [String: Any])?.isEmpty == true)
        #expect(json["has_measurements"] as? Bool == false)
    }

    @Test("the Minh Đức list in service since 2022, marks dated in 2023: --period 2023-H1 states the seed's section 6",
          .enabled(if: SharedFixtures.shared("fixtures/minh-duc/devices.csv") != nil, "needs ../shared/fixtures/minh-duc"))
    func seed2023() async throws {
        var office = ReportCLI()
        let config = office.cli.folder.path("kiemke.toml")
        try """
            office = "UBND xã Minh Đức"
            [readiness]
            staff = 22
            computers_with_security_software = 24
            online_meeting_room = true
            online_meetings_requested = 9
            online_meetings_held = 9
            documents_total = 1144
            documents_in_software = 1144
            digital_signatures = 5
            staff_with_official_email = 22
            iso_9001 = "2015"
            """.write(toFile: config, atomically: true, encoding: .utf8)
        office.config = config
        let store = try office.open()
        // The library dates the list and the marks in the past directly; the next test does it through the CLI.
        let csv = try #require(SharedFixtures.shared("fixtures/minh-duc/devices.csv"))
        let imported = try DeviceImporter(store: store).importFile(at: csv, by: "test", at: hanoi("2022-09-05 08:00"))
        #expect(imported.added == 44)
        // In 2023: the copier broke, the scanner wore out, five cameras went fair (re-marked with dates).
        try store.mark(named: "PHOTO-02", condition: .good, by: "Lan", at: hanoi("2022-09-05 08:00"))
        try store.mark(named: "PHOTO-02", condition: .broken, note: "hỏng trống", by: "Lan", at: hanoi("2023-03-15 09:30"))
        try store.mark(named: "SCAN-02", condition: .degraded, note: "đèn quét mờ", by: "Lan", at: hanoi("2023-02-10 10:00"))
        for i in 12...16 { try store.mark(named: "CAM-\(i)", condition: .fair, by: "Lan", at: hanoi("2023-04-03 08:00")) }
        // A week of measurements in May 2023.
        try ReportCLI.record(store, from: hanoi("2023-05-15 07:00"), to: hanoi("2023-05-19 18:00"), step: 1800)
        // After the period: the copier is repaired and a camera retired; 2023-H1 must not see either.
        try store.mark(named: "PHOTO-02", condition: .good, by: "Lan", at: hanoi("2023-08-01 09:00"))
        try store.retire(named: "CAM-16", at: hanoi("2024-01-10 09:00"))

        let outcome = try await office.report(["--period", "2023-H1"], now: "2026-11-29T20:00:00+07:00")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let paste = ReportCLI.pasteable(outcome.stdout)
        for figure in [
            "tỷ lệ cán bộ, công chức được trang bị máy tính đạt 100% (22/22 người)",
            "tổng số máy tính: 24 cái (đều hoạt động tốt), 100% (24/24 máy) được kết nối mạng LAN",
            "100% các máy tính (24/24 máy) đã được trang bị các biện pháp đảm bảo an toàn thông tin",
            "Máy Scan: 02 cái (trong đó có 01 máy đã xuống cấp)",
            "Máy photocopy: 02 cái (trong đó 01 cái đã bị hỏng)",
            "Hệ thống camera an ninh có 16 cái, trong đó 11 cái hoạt động tốt, 05 cái hoạt động trung bình",
            "đảm bảo 100% (9/9) các cuộc họp trực tuyến theo yêu cầu của cấp trên được thực hiện",
            "Tỷ lệ trao đổi văn bản trên phần mềm đạt 100% (1.144/1.144 văn bản)",
            "Ứng dụng chữ ký số (05 chữ ký số đang sử dụng)",
            "Tỷ lệ CBCC được cấp hộp thư điện tử công vụ đạt 100% (22/22 người)",
            "ISO 9001:2015",
        ] {
            #expect(paste.contains(figure), "missing: \(figure)\n\(outcome.stdout)")
        }
        for word in ["kiemke", "127.20.", "PC-", "PHOTO-", "SCAN-", "CAM-", "(00", " 00 "] {
            #expect(!paste.contains(word), "the text to paste says \(word)")
        }
        #expect(outcome.stdout.contains("Máy photocopy tại Bộ phận một cửa (PHOTO-02): đã bị hỏng từ ngày 15/03/2023; hỏng trống."))
        #expect(outcome.stdout.contains("Kỳ báo cáo từ ngày 01/01/2023 đến ngày 30/06/2023"))
        #expect(outcome.stdout.contains("kiemke theo dõi từ ngày 15/05/2023 đến ngày 19/05/2023"), "\(outcome.stdout)")

        let json = try await office.json(["--period", "2023-H1"], now: "2026-11-29T20:00:00+07:00")
        let kinds = try #require(json["kinds"] as? [String: [String: Any]])
        #expect(kinds["computer"]?["total"] as? Int == 24 && kinds["computer"]?["reachable"] as? Int == 24)
        #expect((kinds["copier"]?["conditions"] as? [String: Int]) == ["good": 1, "fair": 0, "degraded": 0, "broken": 1])
        #expect((kinds["camera"]?["conditions"] as? [String: Int]) == ["good": 11, "fair": 5, "degraded": 0, "broken": 0])
        let shares = try #require((json["readiness"] as? [String: Any])?["shares"] as? [String: [String: Any]])
        #expect(shares["staff_with_computers"]?["count"] as? Int == 22 && shares["staff_with_computers"]?["of"] as? Int == 22)
        #expect(shares["computers_with_security_software"]?["of"] as? Int == 24)
    }

    @Test("the same, loaded the way an office does it: import with since and condition_since, kiemke mark --at",
          .enabled(if: SharedFixtures.shared("fixtures/minh-duc/devices.csv") != nil, "needs ../shared/fixtures/minh-duc"))
    func seed2023ThroughTheCLI() async throws {
        let office = ReportCLI()
        let csv = try String(contentsOf: try #require(SharedFixtures.shared("fixtures/minh-duc/devices.csv")), encoding: .utf8)
        // In service since September 2022; the marked conditions dated in 2023, as the seed's half-year saw them.
        let lines = csv.split(separator: "\n", omittingEmptySubsequences: true).enumerated().map { index, line in
            index == 0 ? line + ",since,condition_since" : line + ",2022-09-05,2023-03-15T09:30"
        }
        try office.cli.folder.write("list.csv", lines.joined(separator: "\n") + "\n")
        let imported = try await office.cli.run("devices", "import", office.cli.folder.path("list.csv"))
        #expect(imported.status == 0, "\(imported.stderr)")
        // Repaired after the half-year: 2023-H1 must still see it broken.
        let repaired = try await office.cli.run("mark", "PHOTO-02", "good", "--at", "2023-08-01T09:00")
        #expect(repaired.status == 0, "\(repaired.stderr)")
        // Probes cannot be dated in the past from the command line: a week of May 2023 through the library.
        try ReportCLI.record(try office.open(), from: hanoi("2023-05-15 07:00"), to: hanoi("2023-05-19 18:00"), step: 3600)

        let outcome = try await office.report(["--period", "2023-H1"], now: "2026-11-29T20:00:00+07:00")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let paste = ReportCLI.pasteable(outcome.stdout)
        for figure in [
            "tổng số máy tính: 24 cái (đều hoạt động tốt), 100% (24/24 máy) được kết nối mạng LAN",
            "Máy Scan: 02 cái (trong đó có 01 máy đã xuống cấp)",
            "Máy photocopy: 02 cái (trong đó 01 cái đã bị hỏng)",
            "Hệ thống camera an ninh có 16 cái, trong đó 11 cái hoạt động tốt, 05 cái hoạt động trung bình",
        ] {
            #expect(paste.contains(figure), "missing: \(figure)\n\(outcome.stdout)")
        }
        #expect(outcome.stdout.contains("Máy photocopy tại Bộ phận một cửa (PHOTO-02): đã bị hỏng từ ngày 15/03/2023"), "\(outcome.stdout)")
        // Before the list's `since`, nothing was in service.
        let before = try await office.report(["--period", "2022-H1"], now: "2026-11-29T20:00:00+07:00")
        #expect(before.stdout.contains("Kỳ báo cáo kết thúc trước khi có thiết bị nào trong danh sách kiểm kê (thiết bị đầu tiên có từ ngày 05/09/2022)"),
                "\(before.stdout)")
    }

    @Test("KIEMKE_NOW that is no time is a usage error")
    func badClock() async throws {
        let office = ReportCLI()
        let outcome = try await office.report([], now: "tomorrow")
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("KIEMKE_NOW"))
    }
}
