import Foundation
@testable import Inventory
import Testing
import KiemkeCore

/// Hand-made snapshots: the report's figures and document without a database.
enum Snapshots {
    static let calendar = OfficeHours().calendar
    static let period = ReportPeriod(from: "2026-03-01", to: "2026-03-31")
    static let created = local("2026-02-01 08:00")
    static let now = local("2026-03-10 12:00")

    static func device(_ id: Int64, _ name: String, _ kind: DeviceKind, address: String = "10.0.0.1", role: DeviceRole = .equipment,
                       retiredAt: Date? = nil) -> Device {
        Device(id: id, name: name, kind: kind, address: address, role: role, createdAt: created, retiredAt: retiredAt)
    }

    static func mark(_ id: Int64, _ device: Int64, _ condition: Condition, _ at: String, note: String = "") -> ConditionMark {
        ConditionMark(id: id, deviceId: device, condition: condition, note: note, markedBy: "t", markedAt: local(at))
    }

    static func state(_ device: Int64, up: Bool, since: String = "2026-03-10 08:00") -> DeviceState {
        DeviceState(deviceId: device, state: up ? .up : .down, since: local(since), lastProbe: now, lastUp: up,
                    lastAnsweredBy: up ? "icmp" : "", failures: up ? 0 : 3)
    }

    static func report(_ snapshot: ReportSnapshot, readiness: ReadinessFacts = ReadinessFacts()) -> DigitalGovernmentReport {
        DigitalGovernmentReport(snapshot: snapshot, calendar: calendar, office: "UBND", readiness: readiness, now: now)
    }
}

@Suite("Report figures from a hand-made snapshot")
struct ReportFiguresTests {
    /// One expected row of the kinds' figures: total, networked, reachable, conditions.
    struct KindRow: Equatable, CustomStringConvertible {
        var kind: DeviceKind, total: Int, networked: Int, reachable: Int, conditions: [Condition: Int]
        var description: String { "\(kind) \(total) \(networked) \(reachable) \(conditions)" }
    }

    static let cases: [(String, ReportSnapshot, [KindRow], [String])] = [
        ("a device with no address counts but is not networked",
         ReportSnapshot(period: Snapshots.period, devices: [Snapshots.device(1, "PC-01", .computer, address: "")],
                        marks: [Snapshots.mark(1, 1, .good, "2026-02-01 08:00")]),
         [KindRow(kind: .computer, total: 1, networked: 0, reachable: 0, conditions: [.good: 1])], []),
        ("reachability: the latest answer over networked devices",
         ReportSnapshot(period: Snapshots.period, devices: [Snapshots.device(1, "PC-01", .computer), Snapshots.device(2, "PC-02", .computer)],
                        states: [Snapshots.state(1, up: true), Snapshots.state(2, up: false)]),
         [KindRow(kind: .computer, total: 2, networked: 2, reachable: 1, conditions: [:])], []),
        ("a device retired before the period and an internet link are not equipment",
         ReportSnapshot(period: Snapshots.period, devices: [
            Snapshots.device(1, "CAM-01", .camera), Snapshots.device(2, "OLD", .camera, retiredAt: local("2026-02-15 00:00")),
            Snapshots.device(3, "Internet (8.8.8.8)", .network, role: .internetLink)]),
         [KindRow(kind: .camera, total: 1, networked: 1, reachable: 0, conditions: [:])], []),
        ("marks as of now: a later mark does not count; broken before degraded in the equipment list",
         ReportSnapshot(period: Snapshots.period, devices: [Snapshots.device(1, "SCAN-01", .scanner), Snapshots.device(2, "PHOTO-01", .copier)],
                        marks: [Snapshots.mark(1, 1, .degraded, "2026-03-01 09:00"), Snapshots.mark(2, 2, .broken, "2026-03-05 09:00"),
                                Snapshots.mark(3, 1, .broken, "2026-03-20 09:00")]),
         [KindRow(kind: .scanner, total: 1, networked: 1, reachable: 0, conditions: [.degraded: 1]),
          KindRow(kind: .copier, total: 1, networked: 1, reachable: 0, conditions: [.broken: 1])], ["PHOTO-01", "SCAN-01"]),
    ]

    @Test("kinds, conditions and equipment", arguments: cases)
    func figures(name: String, snapshot: ReportSnapshot, kinds: [KindRow], equipment: [String]) {
        let report = Snapshots.report(snapshot)
        #expect(report.kinds.map { KindRow(kind: $0.kind, total: $0.total, networked: $0.networked, reachable: $0.reachable,
                                           conditions: $0.conditions) } == kinds, "\(name)")
        #expect(report.equipment.map(\.name) == equipment, "\(name)")
    }

    @Test("percentages carry their numerators and denominators")
    func ratios() {
        let snapshot = ReportSnapshot(period: Snapshots.period, devices: [Snapshots.device(1, "PC-01", .computer), Snapshots.device(2, "PC-02", .computer)],
                                      states: [Snapshots.state(1, up: true), Snapshots.state(2, up: false)],
                                      totals: [1: AvailabilityTotals(up: 900, down: 100)])
        let computers = Snapshots.report(snapshot).kinds[0]
        #expect(computers.reachableRatio == Ratio(numerator: 1, denominator: 2, percent: 50))
        #expect(computers.availabilityRatio == Ratio(numerator: 900, denominator: 1000, percent: 90))
    }
}

@Suite("The report document built from figures")
struct ReportDocumentBuilderTests {
    static let probed = ReportSnapshot(
        period: Snapshots.period,
        devices: [Snapshots.device(1, "PC-01", .computer), Snapshots.device(2, "PC-02", .computer), Snapshots.device(3, "CAM-01", .camera)],
        marks: [Snapshots.mark(1, 3, .degraded, "2026-03-02 09:00", note: "mờ")],
        states: [Snapshots.state(1, up: true), Snapshots.state(2, up: false), Snapshots.state(3, up: false, since: "2026-03-08 12:00")],
        totals: [1: AvailabilityTotals(up: 300, down: 100), 3: AvailabilityTotals(up: 50, down: 50)])
    static let unprobed = ReportSnapshot(period: Snapshots.period, devices: [Snapshots.device(1, "PC-01", .computer)])

    /// Every paragraph and list item of the document, as plain text.
    static func lines(_ document: ReportDocument) -> [String] {
        let style = NumberStyle(document.language)
        return document.sections.flatMap(\.blocks).flatMap { block -> [String] in
            switch block {
            case .heading(let text), .paragraph(let text): [text.plain(style)]
            case .list(let title, let items): (title.map { [$0.plain(style)] } ?? []) + items.map { $0.plain(style) }
            case .table: []
            }
        }
    }

    @Test("which sentences appear", arguments: [
        (ReportLanguage.vi, probed, ["50% các máy tính được kết nối mạng LAN (01/02 máy trả lời ở lần kiểm tra gần nhất).",
                                     "Cần kiểm tra:", "CAM-01: mất kết nối 48 giờ.", "CAM-01 (camera an ninh): đã xuống cấp từ ngày 02/03/2026; mờ."],
         ["Lưu ý: chưa có dữ liệu đo kết nối (kiemke chưa kiểm tra thiết bị nào)."]),
        (.en, probed, ["50% of computers are reachable on the LAN (1 of 2 answered the latest probe).",
                       "Availability over the period: computers 75% (office hours); security cameras 50%.", "CAM-01: down for 48 hours."],
         ["Note: no device has been probed yet."]),
        (.vi, unprobed, ["Lưu ý: chưa có dữ liệu đo kết nối (kiemke chưa kiểm tra thiết bị nào).",
                         "Chưa đủ dữ liệu đo để tính tỷ lệ thời gian hoạt động trong kỳ."], ["Cần kiểm tra:"]),
        (.en, unprobed, ["Note: no device has been probed yet.", "- Computers: 1"], ["Needs attention:"]),
    ])
    func sentences(language: ReportLanguage, snapshot: ReportSnapshot, present: [String], absent: [String]) {
        let document = Snapshots.report(snapshot).document(language)
        let lines = Self.lines(document)
        let text = ReportTextRenderer().render(document)
        for line in present { #expect(lines.contains(line) || text.contains(line), "\(language): missing \(line)") }
        for line in absent { #expect(!text.contains(line), "\(language): unexpected \(line)") }
    }

    @Test("the reachability sentence holds its figures, not only their text")
    func figures() throws {
        let document = Snapshots.report(Self.probed).document(.vi)
        let paragraphs = document.sections.flatMap(\.blocks).compactMap { if case .paragraph(let t) = $0 { t } else { nil } }
        let reach = try #require(paragraphs.first { $0.plain(NumberStyle(.vi)).contains("mạng LAN") })
        #expect(reach.figures == [.percent(Ratio(count: 1, of: 2)), .count(1), .count(2)])
        let table = try #require(document.sections.flatMap(\.blocks).compactMap { if case .table(let t) = $0 { t } else { nil } }.first)
        #expect(table.rows.count == 2)
        #expect(table.rows[0][6].figures == [.percent(Ratio(count: 1, of: 2)), .integer(1), .integer(2)])
    }
}

@Suite("Report renderers on a hand-made document")
struct ReportRendererTests {
    static let table = ReportTable(columns: [.init("Kind"), .init("Share", .trailing)], rows: [["A", "\(.percent(Ratio(count: 1, of: 3)))"]])
    static let document = ReportDocument(
        language: .vi,
        sections: [ReportSection([.heading("Tiêu đề")]),
                   ReportSection([.paragraph("Có \(.count(2)) máy, \(.integer(1234)) trang."), .list(title: "Danh sách:", items: ["một", "hai"])]),
                   ReportSection([.list(title: nil, items: ["\(.percent(Ratio(numerator: 0, denominator: 0, percent: nil)))"])]),
                   ReportSection([.table(table)])],
        deviceTable: ReportTable(columns: [.init("name"), .init("note")], rows: [["PC-01", "a, \"b\""]]),
        figures: Snapshots.report(ReportSnapshot(period: Snapshots.period, devices: [])))

    @Test("each format writes the same document", arguments: [
        (ReportFormat.text, "Tiêu đề\n\nCó 02 máy, 1234 trang.\nDanh sách:\n- một\n- hai\n\n- –\n"),
        (.markdown, "## Tiêu đề\n\nCó 02 máy, 1234 trang.\nDanh sách:\n- một\n- hai\n\n- –\n\n| Kind | Share |\n|---|---:|\n| A | 33,3% |\n"),
        (.csv, "name,note\nPC-01,\"a, \"\"b\"\"\"\n"),
    ])
    func render(format: ReportFormat, expected: String) throws {
        #expect(try #require(format.renderer).render(Self.document) == expected)
    }
}
