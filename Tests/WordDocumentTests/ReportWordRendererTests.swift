@testable import Agent
import Foundation
import Inventory
import Testing
import WordDocument

@Suite("The report's Word document says what the report document says")
struct ReportWordRendererTests {
    @Test("place and date as the decree writes them: days below 10 and January, February with a leading zero", arguments: [
        (2026, 11, 30, "Minh Đức, ngày 30 tháng 11 năm 2026"),
        (2026, 1, 5, "Minh Đức, ngày 05 tháng 01 năm 2026"),
        (2026, 2, 10, "Minh Đức, ngày 10 tháng 02 năm 2026"),
        (2026, 3, 9, "Minh Đức, ngày 09 tháng 3 năm 2026"),
        (2026, 12, 1, "Minh Đức, ngày 01 tháng 12 năm 2026"),
    ])
    func placeAndDate(year: Int, month: Int, day: Int, expected: String) {
        #expect(FrameWords(.vi).placeAndDate(place: "Minh Đức", year: year, month: month, day: day) == expected)
    }

    @Test("in English the frame is English and the date is written out")
    func english() throws {
        #expect(FrameWords(.en).placeAndDate(place: "Minh Đức", year: 2026, month: 1, day: 5) == "Minh Đức, 5 January 2026")
        let (report, _) = try ReportSamples.office()
        let all = Self.allTexts(ReportWordRenderer(layout: .document(ReportSamples.letterhead)).wordFile(report.document(.en)))
        #expect(all.contains("SOCIALIST REPUBLIC OF VIET NAM") && all.contains("REPORT") && all.contains("Recipients:"))
        #expect(all.contains("ỦY BAN NHÂN DÂN"), "the configured names stay as the office wrote them")
    }

    /// The body's paragraphs' text, in order, outside tables.
    static func texts(_ file: WordFile) -> [String] {
        file.body.compactMap { if case .paragraph(let p) = $0 { p.runs.map(\.text).joined() } else { nil } }
    }

    @Test("section mode: one Word block per heading, paragraph and list item, in the document's order and words")
    func sectionFollowsDocument() throws {
        let (report, _) = try ReportSamples.office()
        let document = report.document(.vi)
        let style = NumberStyle(.vi)
        var expected: [String] = []
        for block in document.sections.flatMap(\.blocks) {
            switch block {
            case .heading(let t), .paragraph(let t), .separator(let t): expected.append(t.plain(style))
            case .list(let title, let items): expected += (title.map { [$0.plain(style)] } ?? []) + items.map { $0.plain(style) }
            case .table: break
            }
        }
        let file = ReportWordRenderer(layout: .section).wordFile(document)
        #expect(Self.texts(file).filter { !$0.isEmpty } == expected)
        let tables = file.body.compactMap { if case .table(let t) = $0 { t } else { nil } }
        let reportTables = document.sections.flatMap(\.blocks).compactMap { if case .table(let t) = $0 { t } else { nil } }
        #expect(tables.count == reportTables.count)
        for (word, table) in zip(tables, reportTables) {
            let cells = word.rows.map { $0.cells.map { $0.paragraphs.map { $0.runs.map(\.text).joined() }.joined() } }
            #expect(cells == [table.columns.map(\.title)] + table.rows.map { $0.map { $0.plain(style) } })
            #expect(word.columnWidths.reduce(0, +) == ReportWordRenderer.page.textWidth)
        }
    }

    @Test("a hostile note stays text: the XML parses, markup is escaped, controls are gone, Vietnamese is NFC")
    func hostileNote() throws {
        let (report, _) = try ReportSamples.office()
        let parts = ReportWordRenderer(layout: .document(ReportSamples.letterhead)).wordFile(report.document(.vi)).parts()
        let document = try #require(parts.first { $0.path == "word/document.xml" }).xml
        #expect(try SchemaOrder.violations(in: document) == [])
        #expect(document.contains(#"kẹt &lt;giấy&gt; &amp; &quot;mực&quot; &apos;đen&apos; hỏng</w:t><w:br/><w:t xml:space="preserve">trống"#))
        #expect(!document.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t" })
        #expect(document.contains("Phòng Kế toán"))
        #expect(document == document.precomposedStringWithCanonicalMapping)
    }

    @Test("every part of both layouts keeps the ECMA-376 order", arguments: [false, true])
    func schemaOrder(wholeDocument: Bool) throws {
        let (report, _) = try ReportSamples.office()
        let layout: ReportWordRenderer.Layout = wholeDocument ? .document(ReportSamples.letterhead) : .section
        for part in ReportWordRenderer(layout: layout).wordFile(report.document(.vi)).parts()
        where part.path.hasPrefix("word/") && !part.path.contains("_rels") {
            #expect(try SchemaOrder.violations(in: part.xml) == [], "\(part.path)")
        }
    }

    @Test("whole document: the configured frame, in capitals where the decree wants them")
    func frame() throws {
        let (report, _) = try ReportSamples.office()
        let file = ReportWordRenderer(layout: .document(ReportSamples.letterhead)).wordFile(report.document(.vi))
        let all = Self.allTexts(file)
        for text in ["ỦY BAN NHÂN DÂN", "XÃ MINH ĐỨC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Số: .../BC-UBND", "BÁO CÁO", "Nơi nhận:", "- UBND huyện Tứ Kỳ;", "- Cán bộ, công chức xã;", "- Lưu: VP.",
                     "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Hữu Lăng"] {
            #expect(all.contains(text), "\(text)")
        }
        let components = report.calendar.dateComponents([.day, .month, .year], from: report.generatedAt)
        let date = FrameWords(.vi).placeAndDate(place: "Minh Đức", year: components.year!, month: components.month!, day: components.day!)
        #expect(all.contains(date))
    }

    @Test("whole document: what the config leaves out is dots to fill in, not a guess")
    func placeholders() throws {
        let (report, _) = try ReportSamples.office()
        let all = Self.allTexts(ReportWordRenderer(layout: .document(ReportLetterhead())).wordFile(report.document(.vi)))
        #expect(all.contains("Số: .../BC-UBND"))
        #expect(all.contains { $0.hasPrefix("......, ngày ") })
        #expect(all.filter { $0 == "......" }.count == 3, "issuing body, signer position and signer name: \(all)")
        #expect(all.contains("- ......;") && all.contains("- Lưu: VT."))
    }

    /// Every paragraph's text, in the body and in table cells.
    static func allTexts(_ file: WordFile) -> [String] {
        file.body.flatMap { block -> [String] in
            switch block {
            case .paragraph(let p): [p.runs.map(\.text).joined()]
            case .table(let t): t.rows.flatMap { $0.cells.flatMap { $0.paragraphs.map { $0.runs.map(\.text).joined() } } }
            }
        }
    }
}
