import Foundation
import Inventory
import WordDocument

/// The report as the Word document the office files: section 6 alone, to paste into the office's
/// report, or a stand-alone "Báo cáo" in the administrative layout of Nghị định 30/2020/NĐ-CP.
///
/// It renders the same `ReportDocument` as the text, Markdown, JSON and CSV forms, block by block
/// (headings, paragraphs, lists, tables), so its figures are theirs by construction; only the
/// page, the fonts and the administrative frame are its own.
public struct ReportWordRenderer: Sendable {
    /// What the file holds around the section.
    public enum Layout: Sendable, Equatable {
        /// Section 6 alone, ready to paste.
        case section
        /// A stand-alone report: issuing body, national name and motto, number, place and date,
        /// title, the section, recipients and the signature block.
        case document(ReportLetterhead)
    }

    public var layout: Layout

    public init(layout: Layout = .section) {
        self.layout = layout
    }

    /// The .docx file's bytes.
    public func render(_ document: ReportDocument) throws -> Data {
        try wordFile(document).data()
    }

    /// The document as a Word file, before it is zipped.
    public func wordFile(_ document: ReportDocument) -> WordFile {
        let style = NumberStyle(document.language)
        var body: [WordBlock] = []
        let words = FrameWords(document.language)
        if case .document(let letterhead) = layout {
            body += Self.letterheadBlocks(letterhead, words: words, date: document.figures.generatedAt,
                                          calendar: document.figures.calendar)
        }
        for section in document.sections {
            for block in section.blocks {
                body += Self.blocks(block, style: style)
            }
        }
        if case .document(let letterhead) = layout {
            // The signature never stands alone on a page: the body's last block goes with it.
            if let last = body.indices.last { body[last] = Self.keptWithNext(body[last]) }
            body += Self.signatureBlocks(letterhead, words: words)
        }
        let title: String
        switch layout {
        case .section:
            title = document.sections.lazy.flatMap(\.blocks).compactMap { block -> String? in
                if case .heading(let text) = block { text.plain(style) } else { nil }
            }.first ?? words.documentType
        case .document(let letterhead):
            title = words.documentTitle + " " + (letterhead.subject ?? words.defaultSubject)
        }
        return WordFile(
            body: body, styles: Self.styles, defaultRun: Self.defaultRun(language: words.languageTag), lists: [Self.dashList],
            page: Self.page,
            metadata: WordMetadata(title: title, creator: document.figures.office.isEmpty ? "kiemke" : document.figures.office,
                                   language: words.languageTag, created: document.figures.generatedAt, application: "kiemke"))
    }

    /// `block` kept on the page of what follows: a paragraph, or a table's last row.
    static func keptWithNext(_ block: WordBlock) -> WordBlock {
        switch block {
        case .paragraph(var paragraph):
            paragraph.format.keepNext = true
            return .paragraph(paragraph)
        case .table(var table):
            guard let last = table.rows.indices.last else { return block }
            for c in table.rows[last].cells.indices {
                for p in table.rows[last].cells[c].paragraphs.indices { table.rows[last].cells[c].paragraphs[p].format.keepNext = true }
            }
            return .table(table)
        }
    }

    /// One report block as Word blocks: headings, body paragraphs, a list's title and dash items, a table.
    static func blocks(_ block: ReportBlock, style: NumberStyle) -> [WordBlock] {
        switch block {
        case .heading(let text):
            return [.paragraph(WordParagraph(style: StyleID.heading, text.plain(style)))]
        case .paragraph(let text):
            return [.paragraph(WordParagraph(style: StyleID.body, text.plain(style)))]
        case .list(let title, let items):
            var out: [WordBlock] = []
            if let title { out.append(.paragraph(WordParagraph(style: StyleID.listTitle, title.plain(style)))) }
            out += items.map { .paragraph(WordParagraph(style: StyleID.listItem, $0.plain(style), format: WordParagraphFormat(list: 0))) }
            return out
        case .table(let table):
            return [.table(wordTable(table, style: style))]
        case .separator(let title):
            // The notes for the person making the report follow under their own heading, as in the text.
            return [.paragraph(WordParagraph(style: StyleID.heading, title.plain(style)))]
        }
    }

    /// A report table as a bordered Word table as wide as the text, its header row repeated on every page.
    static func wordTable(_ table: ReportTable, style: NumberStyle) -> WordTable {
        let rows = table.rows.map { $0.map { $0.plain(style) } }
        let widths = columnWidths(titles: table.columns.map(\.title), rows: rows, total: page.textWidth)
        var word = WordTable(columnWidths: widths)
        word.rows.append(WordTable.Row(table.columns.map {
            WordTable.Cell([WordParagraph(style: StyleID.tableHeading, $0.title)], verticalAlignment: .center)
        }, isHeader: true))
        for row in rows {
            let cells = row.enumerated().map { index, text in
                let alignment: WordParagraphFormat.Alignment =
                    index < table.columns.count && table.columns[index].alignment == .trailing ? .right : .left
                return WordTable.Cell([WordParagraph(style: StyleID.tableText, text, format: WordParagraphFormat(alignment: alignment))],
                                      verticalAlignment: .center)
            }
            word.rows.append(WordTable.Row(cells))
        }
        return word
    }

    /// Widths in twips that share `total` by what each column must hold on a line: its widest cell,
    /// or its title on two lines at most without breaking a word (titles may wrap, figures should
    /// not), plus the cell margins; what is left over is shared in the same proportions.
    static func columnWidths(titles: [String], rows: [[String]], total: Int) -> [Int] {
        guard !titles.isEmpty else { return [] }
        let weights: [Double] = titles.indices.map { column in
            let title = titles[column]
            let longestWord = title.split(separator: " ").map { TextWidth.estimate(String($0), size: 12, bold: true) }.max() ?? 0
            let halfTitle = TextWidth.estimate(title, size: 12, bold: true) / 2
            let widestCell = rows.map { column < $0.count ? TextWidth.estimate($0[column], size: 12, bold: false) : 0 }.max() ?? 0
            // Cell margins (85 twips a side) and some slack for the estimate.
            return Double(max(longestWord, halfTitle, widestCell) + 2 * 85 + 80)
        }
        let sum = weights.reduce(0, +)
        var widths = weights.map { Int((Double(total) * $0 / sum).rounded(.down)) }
        widths[0] += total - widths.reduce(0, +)
        return widths
    }
}
