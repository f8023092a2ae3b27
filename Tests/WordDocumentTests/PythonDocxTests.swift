import Agent
import Foundation
import Inventory
import Testing
import TestSupport

@Suite("python-docx opens the report's Word file and reads back the decree's format and the figures",
       .enabled(if: DocxReaders.python != nil, "needs python-docx: scripts/install-deps installs it into /opt/kiemke-docx-venv"))
struct PythonDocxTests {
    static func write(_ report: DigitalGovernmentReport, _ layout: ReportWordRenderer.Layout, in folder: TemporaryDirectory,
                      language: ReportLanguage = .vi) throws -> String {
        let path = folder.path(layout == .section ? "muc-6.docx" : "bao-cao.docx")
        try report.docx(language, layout: layout).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("A4, margins within the decree's ranges, page numbers in the header from page 2", arguments: [false, true])
    func page(wholeDocument: Bool) async throws {
        let (report, folder) = try ReportSamples.office()
        let reading = try await DocxReaders.read(try Self.write(report, wholeDocument ? .document(ReportSamples.letterhead) : .section, in: folder))
        let section = try #require(reading.sections.first)
        #expect(reading.sections.count == 1)
        #expect(abs(section.page_width_mm - 210) < 0.1 && abs(section.page_height_mm - 297) < 0.1)
        #expect((19.95...25.05).contains(section.top_mm) && (19.95...25.05).contains(section.bottom_mm))
        #expect((29.95...35.05).contains(section.left_mm) && (14.95...20.05).contains(section.right_mm))
        #expect(section.different_first_page, "the first page has a header of its own (titlePg)")
        #expect(section.header.page_field, "the header holds a PAGE field")
        #expect(!section.first_page_header.page_field && section.first_page_header.text.isEmpty, "no number on page 1")
    }

    /// Style, size, bold, italic, alignment as Phụ lục I gives them.
    static let decree: [(style: String, size: Double, bold: Bool, italic: Bool, alignment: String)] = [
        ("Normal", 14, false, false, "JUSTIFY"),
        ("Heading 1", 14, true, false, "JUSTIFY"),
        ("List Dash", 14, false, false, "JUSTIFY"),
        ("Issuing Body", 13, true, false, "CENTER"),
        ("National Name", 12, true, false, "CENTER"),
        ("Motto", 13, true, false, "CENTER"),
        ("Document Number", 13, false, false, "CENTER"),
        ("Place and Date", 14, false, true, "CENTER"),
        ("Document Type", 14, true, false, "CENTER"),
        ("Subject", 14, true, false, "CENTER"),
        ("Recipients Title", 12, true, true, "LEFT"),
        ("Recipients", 11, false, false, "LEFT"),
        ("Signer Position", 14, true, false, "CENTER"),
        ("Signer Name", 14, true, false, "CENTER"),
        ("Table Heading", 12, true, false, "CENTER"),
    ]

    @Test("every style is Times New Roman at the decree's size and style; the body justified, indented 1-1.27 cm, ≥ 6 pt apart, 1-1.5 lines")
    func styles() async throws {
        let (report, folder) = try ReportSamples.office()
        let reading = try await DocxReaders.read(try Self.write(report, .document(ReportSamples.letterhead), in: folder))
        for (name, style) in reading.styles {
            #expect(style.font == "Times New Roman", "\(name)")
        }
        for expected in Self.decree {
            let style = try #require(reading.styles[expected.style], "\(expected.style) is used")
            #expect(style.size == expected.size && style.bold == expected.bold && style.italic == expected.italic
                    && style.alignment == expected.alignment, "\(expected.style): \(style)")
        }
        let body = try #require(reading.styles["Normal"])
        #expect((1.0...1.27).contains(body.first_line_indent_cm ?? 0))
        #expect((body.space_after_pt ?? 0) >= 6)
        #expect((1.0...1.5).contains(body.line_spacing ?? 0))
    }

    @Test("the paragraphs are the report document's, in order and in NFC")
    func paragraphs() async throws {
        let (report, folder) = try ReportSamples.office()
        let reading = try await DocxReaders.read(try Self.write(report, .section, in: folder))
        let expected = ReportWordRendererTests.texts(ReportWordRenderer(layout: .section).wordFile(report.document(.vi))).filter { !$0.isEmpty }
        // python-docx reads a w:br as "\n"; the writer dropped the control characters.
        #expect(reading.paragraphs.map(\.text).filter { !$0.isEmpty } == expected.map { $0.replacingOccurrences(of: "\u{1}", with: "").replacingOccurrences(of: "\u{7}", with: "") })
        for paragraph in reading.paragraphs {
            #expect(paragraph.text == paragraph.text.precomposedStringWithCanonicalMapping)
        }
        #expect(reading.paragraphs.contains { $0.text.contains("kẹt <giấy> & \"mực\" 'đen' hỏng\ntrống") })
    }

    @Test("the table's cells state the JSON report's figures", arguments: [false, true])
    func table(wholeDocument: Bool) async throws {
        let (report, folder) = try ReportSamples.office()
        let reading = try await DocxReaders.read(try Self.write(report, wholeDocument ? .document(ReportSamples.letterhead) : .section, in: folder))
        let table = try #require(FigureTableCheck.figureTable(reading.tables))
        try FigureTableCheck.check(table, json: try report.json())
        #expect(reading.tables.count == (wholeDocument ? 3 : 1), "the figures, plus the heading and signature layout tables")
    }
}
