import Agent
import Foundation
import Inventory
import KiemkeCore
import Logging
import TestSupport

/// Reports made the way kiemke makes them: devices imported into a real SQLite store, marks, and
/// for the seed one poll of the fixture's loopback addresses through the daemon's code path.
enum ReportSamples {
    /// A small office with hostile notes: markup characters, a control character, decomposed
    /// (NFD) Vietnamese and a line break, as a device's note or a person may type them.
    static func office() throws -> (DigitalGovernmentReport, TemporaryDirectory) {
        let folder = TemporaryDirectory()
        let store = try InventoryStore(path: folder.path("kiemke.sqlite"))
        var csv = "name,kind,address,location,condition,note\n"
        for i in 1...6 { csv += "PC-0\(i),computer,,Văn phòng,good,\n" }
        csv += "SCAN-01,scanner,,Một cửa,good,\nSCAN-02,scanner,,Văn phòng,good,\nPHOTO-01,copier,,Một cửa,good,\n"
        csv += "PHOTO-02,copier,,Bộ phận một cửa,good,\nCAM-01,camera,,Cổng,good,\nCAM-02,camera,,Sân,good,\n"
        try DeviceImporter(store: store).importCSV(Data(csv.utf8), file: "office.csv", by: "test")
        try store.mark(named: "PHOTO-02", condition: .broken, note: hostileNote, by: "test")
        try store.mark(named: "SCAN-02", condition: .degraded, note: "Phòng Ke\u{302}\u{301} toán", by: "test")
        try store.mark(named: "CAM-02", condition: .fair, by: "test")
        return (try report(store, folder: folder), folder)
    }

    /// What a device's note may hold: `<`, `&`, quotes, a C0 control character, a line break.
    static let hostileNote = "kẹt <giấy> & \"mực\" 'đen'\u{1}\u{7} hỏng\ntrống"

    /// `count` devices, every fifth one broken with a note: a list long enough to fill pages.
    static func large(count: Int = 400) throws -> (DigitalGovernmentReport, TemporaryDirectory) {
        let folder = TemporaryDirectory()
        let store = try InventoryStore(path: folder.path("kiemke.sqlite"))
        let kinds = ["computer", "printer", "camera", "scanner", "copier"]
        var csv = "name,kind,address,location,condition,note\n"
        for i in 0..<count {
            let condition = i % 5 == 0 ? "broken" : "good"
            csv += "DEV-\(String(format: "%04d", i)),\(kinds[i % kinds.count]),,Phòng \(i % 12 + 1),\(condition),hỏng bộ nguồn số \(i)\n"
        }
        try DeviceImporter(store: store).importCSV(Data(csv.utf8), file: "large.csv", by: "test")
        return (try report(store, folder: folder), folder)
    }

    /// The Minh Đức fixture after one poll of its loopback addresses, as SeedReportTests makes it.
    static func minhDuc() async throws -> (DigitalGovernmentReport, TemporaryDirectory) {
        let folder = TemporaryDirectory()
        let store = try InventoryStore(path: folder.path("kiemke.sqlite"))
        guard let devices = SharedFixtures.shared("fixtures/minh-duc/devices.csv") else {
            throw KiemkeProcess.RunError("../shared/fixtures/minh-duc/devices.csv is missing")
        }
        try DeviceImporter(store: store).importFile(at: devices, by: "test")
        var configuration = Configuration()
        configuration.office = "UBND xã Minh Đức"
        configuration.probe.timeout = .milliseconds(500)
        let polling = PollingService(store: store, source: ConfigurationSource(configuration), logger: Logger(label: "test"))
        _ = try await polling.runOnce()
        return (try report(store, folder: folder, office: "UBND xã Minh Đức"), folder)
    }

    private static func report(_ store: InventoryStore, folder: TemporaryDirectory, office: String = "UBND xã Minh Đức") throws -> DigitalGovernmentReport {
        let workspace = try Workspace(dbFlag: folder.path("kiemke.sqlite"), configFlag: nil, environment: [:], isRoot: false)
        var report = try workspace.report(store: store, request: ReportRequest(period: nil), now: Date())
        report.office = office
        report.readiness = ReadinessFacts(staff: 19, staffWithOfficialEmail: 19)
        return report
    }

    /// The letterhead of the seed report's signature block.
    static let letterhead: ReportLetterhead = {
        var l = ReportLetterhead()
        l.issuingBody = ["Ủy ban nhân dân", "xã Minh Đức"]
        l.place = "Minh Đức"
        l.signerPosition = ["TM. Ủy ban nhân dân", "Chủ tịch"]
        l.signerName = "Nguyễn Hữu Lăng"
        l.recipients = ["UBND huyện Tứ Kỳ", "Cán bộ, công chức xã", "Lưu: VP"]
        return l
    }()
}
