import Agent
import Foundation
import Inventory
import Testing
import TestSupport

@Suite("The Minh Đức fixture's Word file states exactly the seed's figures",
       .enabled(if: SharedFixtures.shared("fixtures/minh-duc/devices.csv") != nil, "needs ../shared/fixtures/minh-duc"))
struct SeedDocxTests {
    /// The seed's section 6 sentences the fixture reproduces (as SeedReportTests checks the text).
    static let seedSentences = [
        "tổng số máy tính: 24 cái",
        "100% (24/24 máy) được kết nối mạng LAN",
        "Máy Scan: 02 cái (trong đó có 01 máy đã xuống cấp)",
        "Máy photocopy: 02 cái (trong đó 01 cái đã bị hỏng)",
        "Hệ thống camera an ninh có 16 cái, trong đó 11 cái hoạt động tốt, 05 cái hoạt động trung bình",
    ]

    /// Kind row → total, good, fair, degraded, broken, as the seed counts them.
    static let seedCounts: [String: [Double]] = [
        "Máy tính": [24, 24, 0, 0, 0], "Máy Scan": [2, 1, 0, 1, 0], "Máy photocopy": [2, 1, 0, 0, 1], "Camera an ninh": [16, 11, 5, 0, 0],
    ]

    @Test("python-docx reads the seed's sentences and a table equal to the JSON and to the seed's counts",
          .enabled(if: DocxReaders.python != nil, "needs python-docx: scripts/install-deps installs it"))
    func pythonDocx() async throws {
        let (report, folder) = try await ReportSamples.minhDuc()
        let reading = try await DocxReaders.read(try PythonDocxTests.write(report, .document(ReportSamples.letterhead), in: folder))
        let text = reading.paragraphs.map(\.text).joined(separator: "\n")
        for sentence in Self.seedSentences { #expect(text.contains(sentence), "\(sentence)") }
        #expect(text == text.precomposedStringWithCanonicalMapping)
        let table = try #require(FigureTableCheck.figureTable(reading.tables))
        try FigureTableCheck.check(table, json: try report.json())
        for row in table.dropFirst() {
            let counts = (1...5).map { FigureTableCheck.numbers(in: row[$0]).first ?? -1 }
            #expect(counts == Self.seedCounts[row[0]], "\(row)")
        }
        let computers = try #require(table.first { $0.first == "Máy tính" })
        #expect(FigureTableCheck.numbers(in: computers[6]) == [100, 24, 24], "connected with numerator and denominator: \(computers)")
        #expect(reading.paragraphs.contains { $0.text.contains("Máy photocopy tại Bộ phận một cửa (PHOTO-02): đã bị hỏng") })
    }

    @Test("LibreOffice's text of the file holds the seed's sentences; the section is one page",
          .enabled(if: DocxReaders.hasLibreOffice, "needs LibreOffice and poppler-utils: scripts/install-deps installs them"))
    func libreOffice() async throws {
        let (report, folder) = try await ReportSamples.minhDuc()
        let docx = try PythonDocxTests.write(report, .section, in: folder)
        let txt = try await DocxReaders.convert(docx, to: "txt:Text (encoded):UTF8", in: folder)
        let text = LibreOfficeTests.flat(try String(contentsOfFile: txt.path, encoding: .utf8))
        for sentence in Self.seedSentences { #expect(text.contains(sentence), "\(sentence)") }
        let pdf = try await DocxReaders.convert(docx, to: "pdf", in: folder)
        #expect(try await DocxReaders.pageCount(pdf.path) == 1)
    }
}
