import Foundation
@testable import Inventory
import Testing
import KiemkeCore

/// A period from two literal days of a test; the literals are known to be valid.
func days(_ from: String, _ to: String) -> ReportPeriod {
    // swiftlint:disable:next force_try
    try! ReportPeriod(fromDay: from, toDay: to)
}

/// Hand-made snapshots: the report's figures and document without a database.
enum Snapshots {
    static let hours = OfficeHours()
    static let period = days("2026-03-01", "2026-03-31")
    static let created = local("2026-02-01 08:00")
    /// A Tuesday, mid-morning, while the period runs.
    static let now = local("2026-03-10 12:00")

    static func device(_ id: Int64, _ name: String, _ kind: DeviceKind, address: String = "10.0.0.1", role: DeviceRole = .equipment,
                       created: Date = Snapshots.created, retiredAt: Date? = nil) -> Device {
        Device(id: id, name: name, kind: kind, address: address, role: role, createdAt: created, retiredAt: retiredAt)
    }

    static func mark(_ id: Int64, _ device: Int64, _ condition: Condition, _ at: String, note: String = "") -> ConditionMark {
        ConditionMark(id: id, deviceId: device, condition: condition, note: note, markedBy: "t", markedAt: local(at))
    }

    static func state(_ device: Int64, up: Bool, since: String = "2026-03-10 08:00") -> DeviceState {
        DeviceState(deviceId: device, state: up ? .up : .down, since: local(since), lastProbe: now, lastUp: up,
                    lastAnsweredBy: up ? "icmp" : "", failures: up ? 0 : 3)
    }

    static func report(_ snapshot: ReportSnapshot, readiness: ReadinessFacts = ReadinessFacts(), now: Date = Snapshots.now) -> DigitalGovernmentReport {
        DigitalGovernmentReport(snapshot: snapshot, hours: hours, office: "UBND", readiness: readiness, now: now)
    }
}

@Suite("Report figures from a hand-made snapshot: one row per definition")
struct ReportFiguresTests {
    /// One expected row of the kinds' figures.
    struct KindRow: Equatable, CustomStringConvertible {
        var kind: DeviceKind, total: Int, networked: Int, reachable: Int, measured: Int, conditions: [Condition: Int]
        var description: String { "\(kind) total \(total) networked \(networked) reachable \(reachable) measured \(measured) \(conditions)" }
    }

    static let cases: [(String, ReportSnapshot, Date, [KindRow], [String])] = [
        ("a device with no address counts but is not networked",
         ReportSnapshot(period: Snapshots.period, devices: [Snapshots.device(1, "PC-01", .computer, address: "")],
                        marks: [Snapshots.mark(1, 1, .good, "2026-02-01 08:00")]),
         Snapshots.now,
         [KindRow(kind: .computer, total: 1, networked: 0, reachable: 0, measured: 0, conditions: [.good: 1])], []),
        ("connected: answered at least once during the period, not the latest probe",
         ReportSnapshot(period: Snapshots.period, devices: [Snapshots.device(1, "PC-01", .computer), Snapshots.device(2, "PC-02", .computer),
                                                             Snapshots.device(3, "PC-03", .computer)],
                        states: [Snapshots.state(1, up: false), Snapshots.state(2, up: false)],
                        totals: [1: AvailabilityTotals(up: 3600, down: 600), 2: AvailabilityTotals(down: 600, off: 40_000)]),
         Snapshots.now,
         [KindRow(kind: .computer, total: 3, networked: 3, reachable: 1, measured: 2, conditions: [:])], []),
        ("a computer off at night and at weekends is measured by nothing: neither connected nor not",
         ReportSnapshot(period: Snapshots.period, devices: [Snapshots.device(1, "PC-01", .computer)],
                        totals: [1: AvailabilityTotals(off: 50_000)]),
         local("2026-03-08 20:00"),
         [KindRow(kind: .computer, total: 1, networked: 1, reachable: 0, measured: 0, conditions: [:])], []),
        ("retired before the end: not counted; retired during the period: its time still counts",
         ReportSnapshot(period: Snapshots.period, devices: [
            Snapshots.device(1, "CAM-01", .camera), Snapshots.device(2, "OLD", .camera, retiredAt: local("2026-02-15 00:00")),
            Snapshots.device(3, "CAM-02", .camera, retiredAt: local("2026-03-05 00:00")),
            Snapshots.device(4, "Internet (8.8.8.8)", .network, role: .internetLink)],
                        totals: [3: AvailabilityTotals(up: 7200)]),
         Snapshots.now,
         [KindRow(kind: .camera, total: 1, networked: 1, reachable: 0, measured: 0, conditions: [:])], []),
        ("retired and added again under the same name: one device",
         ReportSnapshot(period: Snapshots.period, devices: [
            Snapshots.device(1, "CAM-03", .camera, retiredAt: local("2026-03-05 00:00")),
            Snapshots.device(2, "CAM-03", .camera, created: local("2026-03-05 00:00")),
            Snapshots.device(3, "CAM-04", .camera, retiredAt: local("2026-03-20 00:00")),
            Snapshots.device(4, "CAM-04", .camera, created: local("2026-03-01 00:00"))],
                        marks: [Snapshots.mark(1, 1, .broken, "2026-02-01 08:00"), Snapshots.mark(2, 2, .good, "2026-03-05 00:00"),
                                Snapshots.mark(3, 3, .fair, "2026-02-01 08:00"), Snapshots.mark(4, 4, .good, "2026-03-01 00:00")]),
         Snapshots.now,
         [KindRow(kind: .camera, total: 2, networked: 2, reachable: 0, measured: 0, conditions: [.good: 2])], []),
        ("marks as of the end: a later mark does not count; broken before degraded in the equipment list",
         ReportSnapshot(period: Snapshots.period, devices: [Snapshots.device(1, "SCAN-01", .scanner), Snapshots.device(2, "PHOTO-01", .copier)],
                        marks: [Snapshots.mark(1, 1, .degraded, "2026-03-01 09:00"), Snapshots.mark(2, 2, .broken, "2026-03-05 09:00"),
                                Snapshots.mark(3, 1, .broken, "2026-03-20 09:00")]),
         Snapshots.now,
         [KindRow(kind: .scanner, total: 1, networked: 1, reachable: 0, measured: 0, conditions: [.degraded: 1]),
          KindRow(kind: .copier, total: 1, networked: 1, reachable: 0, measured: 0, conditions: [.broken: 1])], ["PHOTO-01", "SCAN-01"]),
        ("a past period: counts at its end, not today",
         ReportSnapshot(period: days("2026-02-01", "2026-02-28"), devices: [
            Snapshots.device(1, "PC-01", .computer), Snapshots.device(2, "PC-02", .computer, created: local("2026-03-02 08:00")),
            Snapshots.device(3, "PC-03", .computer, retiredAt: local("2026-03-02 08:00"))],
                        marks: [Snapshots.mark(1, 1, .broken, "2026-02-10 09:00"), Snapshots.mark(2, 1, .good, "2026-03-05 09:00")]),
         Snapshots.now,
         [KindRow(kind: .computer, total: 2, networked: 2, reachable: 0, measured: 0, conditions: [.broken: 1])], ["PC-01"]),
        ("a period that ended before any device: nothing counted",
         ReportSnapshot(period: days("2025-07-01", "2025-12-31"), devices: [Snapshots.device(1, "PC-01", .computer)]),
         Snapshots.now, [], []),
    ]

    @Test("kinds, conditions and equipment", arguments: cases)
    func figures(name: String, snapshot: ReportSnapshot, now: Date, kinds: [KindRow], equipment: [String]) {
        let report = Snapshots.report(snapshot, now: now)
        #expect(report.kinds.filter { $0.total > 0 }.map {
            KindRow(kind: $0.kind, total: $0.total, networked: $0.networked, reachable: $0.reachable, measured: $0.measured,
                    conditions: $0.conditions)
        } == kinds, "\(name)")
        #expect(report.equipment.map(\.name) == equipment, "\(name)")
    }

    @Test("percentages carry their numerators and denominators; none without a measurement")
    func ratios() {
        let snapshot = ReportSnapshot(period: Snapshots.period, devices: [Snapshots.device(1, "PC-01", .computer), Snapshots.device(2, "PC-02", .computer)],
                                      totals: [1: AvailabilityTotals(up: 900, down: 100), 2: AvailabilityTotals(down: 500)])
        let computers = Snapshots.report(snapshot).kinds[0]
        #expect(computers.reachableRatio == Ratio(numerator: 1, denominator: 2, percent: 50))
        #expect(computers.availabilityRatio == Ratio(numerator: 900, denominator: 1500, percent: 60))
        let none = Snapshots.report(ReportSnapshot(period: Snapshots.period, devices: [Snapshots.device(1, "PC-01", .computer)])).kinds[0]
        #expect(none.reachableRatio == nil)
        #expect(none.availabilityPercent == nil)
    }

    @Test("availability counts a device retired during the period for its time in service")
    func retiredTimeCounts() {
        let snapshot = ReportSnapshot(period: Snapshots.period, devices: [
            Snapshots.device(1, "CAM-01", .camera), Snapshots.device(2, "CAM-02", .camera, retiredAt: local("2026-03-05 00:00"))],
                                      totals: [1: AvailabilityTotals(up: 1000), 2: AvailabilityTotals(up: 500, down: 500)])
        let cameras = Snapshots.report(snapshot).kinds[0]
        #expect(cameras.total == 1)
        #expect(cameras.availabilityRatio == Ratio(numerator: 1500, denominator: 2000, percent: 75))
    }

    @Test("coverage: from the first measurement, over the period's working time", arguments: [
        // Measured Tuesday 10 March 08:00-12:00 only, in a period running since 1 March (6 working days to now).
        ([Int(local("2026-03-10 08:00").timeIntervalSince1970 / 3600): 3600.0, Int(local("2026-03-10 09:00").timeIntervalSince1970 / 3600): 3600,
          Int(local("2026-03-10 10:00").timeIntervalSince1970 / 3600): 3600, Int(local("2026-03-10 11:00").timeIntervalSince1970 / 3600): 3600],
         "2026-03-10", 4 * 3600.0, (6 * 9.5 + 4.5) * 3600),
        ([:], nil, 0, (6 * 9.5 + 4.5) * 3600),
    ] as [([Int: Double], String?, Double, Double)])
    func coverage(hours: [Int: Double], from: String?, measured: Double, scheduled: Double) {
        let snapshot = ReportSnapshot(period: Snapshots.period, devices: [Snapshots.device(1, "CAM-01", .camera)], observedByHour: hours)
        let report = Snapshots.report(snapshot)
        #expect(report.coverage.measured.map { DayKey($0.start, calendar: Snapshots.hours.calendar).text } == from)
        #expect(report.coverage.ratio.numerator == measured)
        #expect(report.coverage.ratio.denominator == scheduled)
        #expect(report.coverage.officeHours)
    }
}

@Suite("The report document built from figures")
struct ReportDocumentBuilderTests {
    static let probed = ReportSnapshot(
        period: Snapshots.period,
        devices: [Snapshots.device(1, "PC-01", .computer), Snapshots.device(2, "PC-02", .computer), Snapshots.device(3, "CAM-01", .camera)],
        marks: [Snapshots.mark(1, 3, .degraded, "2026-03-02 09:00", note: "mờ")],
        states: [Snapshots.state(1, up: true), Snapshots.state(2, up: false), Snapshots.state(3, up: false, since: "2026-03-08 12:00")],
        totals: [1: AvailabilityTotals(up: 3_600_000, down: 150_000), 2: AvailabilityTotals(down: 100), 3: AvailabilityTotals(up: 50, down: 50)],
        observedByHour: [Int(local("2026-03-02 08:00").timeIntervalSince1970 / 3600): 3600])
    static let unprobed = ReportSnapshot(period: Snapshots.period, devices: [Snapshots.device(1, "PC-01", .computer)])
    static let empty = ReportSnapshot(period: Snapshots.period, devices: [])

    /// The text to paste: what comes before the separator.
    static func pasteable(_ document: ReportDocument) -> String {
        let text = ReportTextRenderer().render(document)
        return String(text[..<(text.range(of: ReportTextRenderer.rule)?.lowerBound ?? text.endIndex)])
    }

    @Test("which sentences appear, and on which side of the separator", arguments: [
        (ReportLanguage.vi, probed,
         ["tổng số máy tính: 02 cái, 50% (1/2 máy) được kết nối mạng LAN.", "máy tính 96% (1.000/1.042 giờ, trong giờ làm việc)"],
         ["Camera an ninh (CAM-01): Mất kết nối 48 giờ.", "Camera an ninh (CAM-01): đã xuống cấp từ ngày 02/03/2026; mờ.",
          "kiemke theo dõi từ ngày 02/03/2026"],
         ["kiemke", "10.0.0.1", "(00/", "CAM-01"]),
        (.en, probed,
         ["Computers: 2, 50% connected to the LAN (1 of 2 answered during the period).", "computers 96% (1,000/1,042 hours, office hours)"],
         ["Camera (CAM-01): down for 48 hours."], ["10.0.0.1"]),
        (.vi, unprobed, ["Hạ tầng công nghệ thông tin: tổng số máy tính: 01 cái."],
         ["Kỳ báo cáo không có dữ liệu đo"], ["được kết nối mạng LAN", "Tỷ lệ thời gian", "%"]),
        (.en, unprobed, ["Computers: 1."], ["The period has no measurements"], ["connected to the LAN", "%"]),
        (.vi, empty, ["Không có thiết bị nào trong danh sách kiểm kê tại ngày 10/03/2026."], ["Danh sách thiết bị còn trống"],
         ["Hạ tầng công nghệ thông tin: .", "%"]),
    ] as [(ReportLanguage, ReportSnapshot, [String], [String], [String])])
    func sentences(language: ReportLanguage, snapshot: ReportSnapshot, pasted: [String], notes: [String], absentFromPaste: [String]) {
        let document = Snapshots.report(snapshot).document(language)
        let text = ReportTextRenderer().render(document)
        let paste = Self.pasteable(document)
        for line in pasted { #expect(paste.contains(line), "\(language): not in the text to paste: \(line)\n\(text)") }
        for line in notes {
            #expect(text.contains(line) && !paste.contains(line), "\(language): not in the notes: \(line)\n\(text)")
        }
        for line in absentFromPaste { #expect(!paste.contains(line), "\(language): in the text to paste: \(line)\n\(paste)") }
        #expect(!text.contains("Hạ tầng công nghệ thông tin: ."))
    }

    @Test("the connection sentence holds its figures, not only their text")
    func figures() throws {
        let document = Snapshots.report(Self.probed).document(.vi)
        let paragraphs = document.sections.flatMap(\.blocks).compactMap { if case .paragraph(let t) = $0 { t } else { nil } }
        let reach = try #require(paragraphs.first { $0.plain(NumberStyle(.vi)).contains("mạng LAN") })
        #expect(reach.figures.contains(.percent(Ratio(count: 1, of: 2))))
        #expect(reach.figures.contains(.integer(1)) && reach.figures.contains(.integer(2)))
        let table = try #require(document.sections.flatMap(\.blocks).compactMap { if case .table(let t) = $0 { t } else { nil } }.first)
        #expect(table.rows.count == 2)
        #expect(table.rows[0][6].figures == [.percent(Ratio(count: 1, of: 2)), .integer(1), .integer(2)])
        #expect(table.rows[0][3].plain(NumberStyle(.vi)) == "0", "zero is 0 in tables, never 00")
    }

    @Test("attention items are grouped per device and fully Vietnamese")
    func attentionGroups() {
        let phrases = VietnamesePhrases()
        let text = phrases.attentionGroup(device: "Máy in tại Kế toán (PRN-01)", attentions: [
            .lowSupply(name: "Toner (Black)", levelPct: 1, type: "toner", color: "black"), .printerCondition(.jammed),
            .lowSupply(name: "Drum unit (offline spare)", levelPct: 4, type: "other"),
        ]).plain(NumberStyle(.vi))
        #expect(text == "Máy in tại Kế toán (PRN-01): Hộp mực đen sắp hết (1%); kẹt giấy; vật tư \"Drum unit (offline spare)\" sắp hết (4%).")
    }
}

@Suite("Report renderers on a hand-made document")
struct ReportRendererTests {
    static let table = ReportTable(columns: [.init("Kind"), .init("Share", .trailing)], rows: [["A", "\(.percent(Ratio(count: 1, of: 3)))"]])
    static let document = ReportDocument(
        language: .vi,
        sections: [ReportSection([.heading("Tiêu đề"), .paragraph("Có \(.count(2)) máy, \(.integer(1234)) trang.")]),
                   ReportSection([.separator("Ghi chú"), .list(title: "Danh sách:", items: ["một", "hai"]),
                                  .list(title: nil, items: ["\(.percent(Ratio(numerator: 0, denominator: 0, percent: nil)))"]),
                                  .table(table)])],
        deviceTable: ReportTable(columns: [.init("name"), .init("note")], rows: [["PC-01", "a, \"b\""]]),
        figures: Snapshots.report(ReportSnapshot(period: Snapshots.period, devices: [])))

    static let rule = String(repeating: "-", count: 60)

    @Test("each format writes the same document; blocks apart by blank lines", arguments: [
        (ReportFormat.text, "Tiêu đề\n\nCó 02 máy, 1.234 trang.\n\n\(rule)\nGhi chú\n\(rule)\n\nDanh sách:\n- một\n- hai\n\n- –\n"),
        (.markdown, "## Tiêu đề\n\nCó 02 máy, 1.234 trang.\n\n---\n\n**Ghi chú**\n\nDanh sách:\n\n- một\n- hai\n\n- –\n\n| Kind | Share |\n|---|---:|\n| A | 33,3% |\n"),
        (.csv, "name,note\nPC-01,\"a, \"\"b\"\"\"\n"),
    ])
    func render(format: ReportFormat, expected: String) throws {
        #expect(try #require(format.renderer).render(Self.document) == expected)
    }
}
