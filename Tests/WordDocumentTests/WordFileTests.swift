import Foundation
import Testing
@testable import WordDocument
import ZIPFoundation

/// A file that uses every property the writer knows, so the order check sees each of them.
enum EveryProperty {
    static let file: WordFile = {
        let run = WordRunFormat(font: "Times New Roman", bold: true, italic: false, size: 13, underline: true, language: "vi-VN")
        let format = WordParagraphFormat(keepNext: true, keepLines: false, list: 0, rule: .init(width: 6),
                                         spacing: .init(before: 20, after: 120, line: 1.2), indentation: .init(left: 10, right: 20, firstLine: -30),
                                         alignment: .both, outlineLevel: 1)
        let paragraph = WordParagraph(style: "Body", format: format, markFormat: run,
                                      runs: [WordRun("một\thai\r\nba\rbốn\nnăm", run), WordRun("")])
        let table = WordTable(columnWidths: [2000, 3000], rows: [
            WordTable.Row([WordTable.Cell([paragraph], verticalAlignment: .center), WordTable.Cell([])], isHeader: true),
            WordTable.Row([WordTable.Cell([paragraph])]),
        ])
        return WordFile(
            body: [.paragraph(paragraph), .table(table), .table(WordTable(columnWidths: [5000], hasBorders: false, rows: [])), .paragraph(WordParagraph())],
            styles: [WordStyle(id: "Normal", name: "Normal", paragraph: format, run: run),
                     WordStyle(id: "Body", name: "Body", basedOn: "Normal", next: "Normal", paragraph: format, run: run)],
            defaultRun: run, lists: [WordList(marker: "-", indentation: .init(firstLine: 567), markerFormat: run)],
            page: WordPage(width: 11906, height: 16838, margins: .init(top: 1134, bottom: 1134, left: 1701, right: 850, header: 680, footer: 567),
                           pageNumbers: .init(style: "Body")),
            metadata: WordMetadata(title: "Tiêu đề <&>", creator: "kiemke", language: "vi-VN",
                                   created: Date(timeIntervalSince1970: 1_796_000_000), application: "kiemke"))
    }()
}

@Suite("XML text is escaped, NFC and free of forbidden characters")
struct XMLEscapingTests {
    @Test(arguments: [
        ("a < b & c > d", "a &lt; b &amp; c &gt; d"),
        ("\"quoted\" 'single'", "&quot;quoted&quot; &apos;single&apos;"),
        ("bell\u{7} nul\u{0} esc\u{1B} del\u{7F} c1\u{85}", "bell nul esc del c1"),
        ("tab\there\nline\rreturn", "tab\there\nline\rreturn"),
        ("Ke\u{302}\u{301} toa\u{301}n", "Kế toán"),
        ("noncharacters \u{FFFE}\u{FFFF} gone", "noncharacters  gone"),
        ("emoji 🖨 and astral 𝒳 stay", "emoji 🖨 and astral 𝒳 stay"),
    ])
    func escaped(input: String, expected: String) {
        let out = XMLWriter.escaped(input)
        #expect(out == expected)
        #expect(out.unicodeScalars.elementsEqual(expected.precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    @Test("a run's line breaks and tabs become w:br and w:tab; CR LF is one break")
    func breaks() {
        var xml = XMLWriter()
        WordFile.write(WordRun("a\tb\r\nc\rd\ne"), to: &xml)
        #expect(xml.output.hasSuffix(#"<w:r><w:t xml:space="preserve">a</w:t><w:tab/><w:t xml:space="preserve">b</w:t><w:br/>"#
            + #"<w:t xml:space="preserve">c</w:t><w:br/><w:t xml:space="preserve">d</w:t><w:br/><w:t xml:space="preserve">e</w:t></w:r>"#))
    }
}

@Suite("The .docx package: every part zipped, the same bytes for the same document")
struct WordPackageTests {
    @Test("the archive holds exactly the parts, [Content_Types].xml first, each as written")
    func archive() throws {
        let file = EveryProperty.file
        let data = try file.data()
        let archive = try Archive(data: data, accessMode: .read)
        let entries = Array(archive)
        let parts = file.parts()
        #expect(entries.map(\.path) == parts.map(\.path))
        #expect(entries.first?.path == "[Content_Types].xml")
        for (entry, part) in zip(entries, parts) {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            #expect(String(decoding: bytes, as: UTF8.self) == part.xml, "\(part.path)")
        }
        #expect(Set(parts.map(\.path)) == ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
                                           "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml",
                                           "word/settings.xml", "word/numbering.xml", "word/header1.xml", "word/header2.xml"])
    }

    @Test("one document gives one file, byte for byte")
    func deterministic() throws {
        #expect(try EveryProperty.file.data() == EveryProperty.file.data())
    }

    @Test("without lists or page numbers, no numbering or header parts, and no reference to them")
    func optionalParts() throws {
        var file = EveryProperty.file
        file.lists = []
        file.page.pageNumbers = nil
        let parts = Dictionary(uniqueKeysWithValues: file.parts().map { ($0.path, $0.xml) })
        #expect(parts["word/numbering.xml"] == nil && parts["word/header1.xml"] == nil)
        #expect(!(parts["[Content_Types].xml"] ?? "").contains("numbering") && !(parts["[Content_Types].xml"] ?? "").contains("header"))
        #expect(!(parts["word/document.xml"] ?? "").contains("headerReference") && !(parts["word/document.xml"] ?? "").contains("titlePg"))
    }

    @Test("a table is followed by a paragraph, so two tables never merge and the body ends with one")
    func tablesApart() throws {
        let document = EveryProperty.file.documentPart()
        #expect(!document.contains("</w:tbl><w:tbl>"))
        #expect(!document.contains("</w:tbl><w:sectPr>"))
    }
}

@Suite("Elements follow the ECMA-376 order of children")
struct SchemaOrderTests {
    @Test("every part of a file using every property keeps the schema's order")
    func everyProperty() throws {
        for part in EveryProperty.file.parts() where part.path.hasPrefix("word/") && !part.path.contains("_rels") {
            #expect(try SchemaOrder.violations(in: part.xml) == [], "\(part.path)")
        }
    }

    @Test("the check finds children out of order, unknown ones and content before properties", arguments: [
        (#"<w:pPr><w:jc w:val="both"/><w:spacing/></w:pPr>"#, "w:spacing"),
        ("<w:rPr><w:sz/><w:b/></w:rPr>", "w:b"),
        ("<w:sectPr><w:titlePg/><w:pgMar/></w:sectPr>", "w:pgMar"),
        ("<w:sectPr><w:pgSz/><w:headerReference/></w:sectPr>", "w:headerReference"),
        ("<w:tblPr><w:tblBorders/><w:tblW/></w:tblPr>", "w:tblW"),
        ("<w:tcPr><w:vAlign/><w:tcW/></w:tcPr>", "w:tcW"),
        ("<w:pPr><w:madeUp/></w:pPr>", "w:madeUp"),
        ("<w:p><w:r/><w:pPr/></w:p>", "w:pPr"),
        ("<w:body><w:sectPr/><w:p/></w:body>", "w:p"),
    ])
    func catches(xml: String, child: String) throws {
        let wrapped = #"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"# + xml + "</w:document>"
        #expect(try SchemaOrder.violations(in: wrapped).map(\.child) == [child])
    }
}
