import Agent
import Foundation
import Inventory
import Testing
import TestSupport

@Suite("LibreOffice converts the report's Word file to PDF and text without complaint",
       .serialized,
       .enabled(if: DocxReaders.hasLibreOffice, "needs LibreOffice and poppler-utils: scripts/install-deps installs libreoffice-writer-nogui and poppler-utils"))
struct LibreOfficeTests {
    /// Text with every run of white space made one space, so line breaks and cell borders do not matter.
    static func flat(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    @Test("PDF and text conversions succeed with nothing on stderr; the text holds every paragraph and figure", arguments: [false, true])
    func converts(wholeDocument: Bool) async throws {
        let (report, folder) = try ReportSamples.office()
        let layout: ReportWordRenderer.Layout = wholeDocument ? .document(ReportSamples.letterhead) : .section
        let docx = try PythonDocxTests.write(report, layout, in: folder)
        let pdf = try await DocxReaders.convert(docx, to: "pdf", in: folder)
        #expect(!pdf.stderr.lowercased().contains("error"), "\(pdf.stderr)")
        let txt = try await DocxReaders.convert(docx, to: "txt:Text (encoded):UTF8", in: folder)
        #expect(!txt.stderr.lowercased().contains("error"), "\(txt.stderr)")
        let text = Self.flat(try String(contentsOfFile: txt.path, encoding: .utf8))
        for expected in ReportWordRendererTests.allTexts(ReportWordRenderer(layout: layout).wordFile(report.document(.vi))) where !expected.isEmpty {
            let cleaned = Self.flat(expected.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\n" }.map(String.init).joined())
            #expect(text.contains(cleaned), "\(cleaned)")
        }
        // The small office's section fits one page; as a whole document the signature block goes on page 2.
        #expect(try await DocxReaders.pageCount(pdf.path) == (wholeDocument ? 2 : 1))
    }

    @Test("a long report runs onto several pages, numbered at the top from page 2, page 1 unnumbered")
    func pageNumbers() async throws {
        let (report, folder) = try ReportSamples.large()
        let docx = try PythonDocxTests.write(report, .document(ReportSamples.letterhead), in: folder)
        let pdf = try await DocxReaders.convert(docx, to: "pdf", in: folder).path
        let pages = try await DocxReaders.pageCount(pdf)
        // 80 broken devices listed one per paragraph of about one line: well over two pages.
        #expect(pages >= 3)
        let firstLine = { (text: String) in text.split(separator: "\n").map { Self.flat(String($0)) }.first { !$0.isEmpty } }
        #expect(firstLine(try await DocxReaders.pageText(pdf, page: 1)) == "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        for page in 2...pages {
            #expect(firstLine(try await DocxReaders.pageText(pdf, page: page)) == "\(page)", "page \(page) starts with its number")
        }
        let last = try await DocxReaders.pageText(pdf, page: pages)
        #expect(last.contains("Nguyễn Hữu Lăng"), "the signature ends the document")
    }
}
