import WordDocument

/// The page and the styles of an administrative document, as Nghị định 30/2020/NĐ-CP, Phụ lục I
/// ("Thể thức, kỹ thuật trình bày văn bản hành chính") sets them. Where the decree gives a range,
/// the value chosen is stated beside the range.
extension ReportWordRenderer {
    /// Style ids the renderer's paragraphs name.
    enum StyleID {
        static let body = "Normal"
        static let heading = "Heading1"
        static let listTitle = "ListTitle"
        static let listItem = "ListDash"
        static let tableText = "TableText"
        static let tableHeading = "TableHeading"
        static let header = "Header"
        static let issuingBody = "IssuingBody"
        static let nationalName = "NationalName"
        static let motto = "Motto"
        static let documentNumber = "DocumentNumber"
        static let placeDate = "PlaceDate"
        static let documentType = "DocumentType"
        static let subject = "Subject"
        static let rule = "Rule"
        static let recipientsTitle = "RecipientsTitle"
        static let recipients = "Recipients"
        static let signerPosition = "SignerPosition"
        static let signerName = "SignerName"
    }

    /// Phụ lục I, Phần I, mục I.4: "phông chữ tiếng Việt Times New Roman, bộ mã ký tự Unicode theo
    /// TCVN 6909:2001, màu đen".
    static let font = "Times New Roman"

    /// Body text size: mục II.6 "cỡ chữ từ 13 đến 14" — 14.
    static let bodySize = 14.0

    /// The first line's indent: mục II.6 "chữ đầu dòng phải được lùi vào từ 1 cm đến 1,27 cm" — 1 cm.
    static let firstLineIndent = WordLength.cm(1)

    /// Phụ lục I, Phần I, mục I.1 and I.3: A4 (210 × 297 mm), portrait; margins top and bottom
    /// 20-25 mm (20), left 30-35 mm (30), right 15-20 mm (15). Mục I.7: page numbers "bằng chữ số
    /// Ả Rập, ... đặt canh giữa theo chiều ngang trong phần lề trên của văn bản, không hiển thị số
    /// trang thứ nhất": the header, 12 mm from the top edge, inside the 20 mm top margin.
    static let page = WordPage(
        width: WordLength.mm(210), height: WordLength.mm(297),
        margins: WordPage.Margins(top: WordLength.mm(20), bottom: WordLength.mm(20), left: WordLength.mm(30), right: WordLength.mm(15),
                                  header: WordLength.mm(12), footer: WordLength.mm(10)),
        pageNumbers: WordPage.PageNumbers(style: StyleID.header))

    static func defaultRun(language: String) -> WordRunFormat {
        WordRunFormat(font: font, size: bodySize, language: language)
    }

    /// List items start with a dash at the first-line indent, as the seed report writes them ("- Việc ...").
    static let dashList = WordList(marker: "-", indentation: .init(left: 0, firstLine: firstLineIndent))

    /// Body text, mục II.6: "chữ in thường, được canh đều cả hai lề, kiểu chữ đứng; cỡ chữ từ 13
    /// đến 14; ... lùi vào từ 1 cm đến 1,27 cm; khoảng cách giữa các đoạn văn tối thiểu là 6pt;
    /// khoảng cách giữa các dòng tối thiểu là dòng đơn, tối đa là 1,5 lines" — 6 pt after, 1.2 lines.
    static let bodyParagraph = WordParagraphFormat(
        spacing: .init(before: 0, after: WordLength.pt(6), line: 1.2),
        indentation: .init(firstLine: firstLineIndent), alignment: .both)

    /// A centred line of the administrative frame: single spacing, no indent.
    private static func centred(after: Double = 0) -> WordParagraphFormat {
        WordParagraphFormat(spacing: .init(before: 0, after: WordLength.pt(after), line: 1), indentation: .init(), alignment: .center)
    }

    static let styles: [WordStyle] = [
        WordStyle(id: StyleID.body, name: "Normal", paragraph: bodyParagraph, run: WordRunFormat(size: bodySize)),
        // A heading of the body ("6. Xây dựng ..."), as the seed sets its numbered parts: body size,
        // bold, indented like the body; kept with what follows.
        WordStyle(id: StyleID.heading, name: "heading 1", basedOn: StyleID.body, next: StyleID.body,
                  paragraph: WordParagraphFormat(keepNext: true, keepLines: true, spacing: .init(before: WordLength.pt(6), after: WordLength.pt(6), line: 1.2),
                                                 outlineLevel: 0),
                  run: WordRunFormat(bold: true)),
        WordStyle(id: StyleID.listTitle, name: "List Title", basedOn: StyleID.body, next: StyleID.listItem,
                  paragraph: WordParagraphFormat(keepNext: true)),
        WordStyle(id: StyleID.listItem, name: "List Dash", basedOn: StyleID.body),
        // The decree sets no size for tables; 12 pt single-spaced lets eight columns fit the 165 mm
        // text width without breaking figures.
        WordStyle(id: StyleID.tableText, name: "Table Text", basedOn: StyleID.body,
                  paragraph: WordParagraphFormat(spacing: .init(before: WordLength.pt(2), after: WordLength.pt(2), line: 1),
                                                 indentation: .init(), alignment: .left),
                  run: WordRunFormat(size: 12)),
        WordStyle(id: StyleID.tableHeading, name: "Table Heading", basedOn: StyleID.tableText,
                  paragraph: WordParagraphFormat(keepNext: true, alignment: .center), run: WordRunFormat(bold: true)),
        // Mục I.7: the page number "cỡ chữ từ 13 đến 14, kiểu chữ đứng", centred — 13.
        WordStyle(id: StyleID.header, name: "header", paragraph: centred(), run: WordRunFormat(size: 13)),
        // Mục II.2: the issuing body "chữ in hoa, cỡ chữ từ 12 đến 13, kiểu chữ đứng, đậm", centred
        // over its rule — 13.
        WordStyle(id: StyleID.issuingBody, name: "Issuing Body", basedOn: StyleID.body, paragraph: centred(),
                  run: WordRunFormat(bold: true, size: 13)),
        // Mục II.1: Quốc hiệu "chữ in hoa, cỡ chữ từ 12 đến 13, kiểu chữ đứng, đậm" — 12, so the
        // line fits the right column on one line.
        WordStyle(id: StyleID.nationalName, name: "National Name", basedOn: StyleID.body, paragraph: centred(),
                  run: WordRunFormat(bold: true, size: 12)),
        // Mục II.1: Tiêu ngữ "chữ in thường, cỡ chữ từ 13 đến 14, kiểu chữ đứng, đậm ... canh giữa
        // dưới Quốc hiệu", with a rule as long as the line under it — 13.
        WordStyle(id: StyleID.motto, name: "Motto", basedOn: StyleID.body, paragraph: centred(), run: WordRunFormat(bold: true, size: 13)),
        // Mục II.3: "Số" in thường, the symbol in capitals, "cỡ chữ 13, kiểu chữ đứng", centred under
        // the issuing body.
        WordStyle(id: StyleID.documentNumber, name: "Document Number", basedOn: StyleID.body, paragraph: centred(),
                  run: WordRunFormat(size: 13)),
        // Mục II.4: place and date "chữ in thường, cỡ chữ từ 13 đến 14, kiểu chữ nghiêng", centred
        // under the motto — 14.
        WordStyle(id: StyleID.placeDate, name: "Place and Date", basedOn: StyleID.body, paragraph: centred(),
                  run: WordRunFormat(italic: true, size: 14)),
        // Mục II.5: the document type "chữ in hoa, cỡ chữ từ 13 đến 14, kiểu chữ đứng, đậm", centred — 14.
        WordStyle(id: StyleID.documentType, name: "Document Type", basedOn: StyleID.body, next: StyleID.subject,
                  paragraph: WordParagraphFormat(keepNext: true, spacing: .init(before: WordLength.pt(18), after: 0, line: 1),
                                                 indentation: .init(), alignment: .center),
                  run: WordRunFormat(bold: true, size: 14)),
        // Mục II.5: the subject "chữ in thường, cỡ chữ từ 13 đến 14, kiểu chữ đứng, đậm", centred
        // under the type, with a rule 1/3 to 1/2 of the line under it — 14.
        WordStyle(id: StyleID.subject, name: "Subject", basedOn: StyleID.body, next: StyleID.body,
                  paragraph: WordParagraphFormat(keepNext: true, spacing: .init(before: 0, after: 0, line: 1), indentation: .init(),
                                                 alignment: .center),
                  run: WordRunFormat(bold: true, size: 14)),
        // The rules under the issuing body, the motto and the subject: an empty 2 pt paragraph
        // whose top border is the line, as long as its indents leave it.
        WordStyle(id: StyleID.rule, name: "Rule", basedOn: StyleID.body,
                  paragraph: WordParagraphFormat(keepNext: true, spacing: .init(before: 0, after: 0, line: 1), indentation: .init(), alignment: .center),
                  run: WordRunFormat(size: 2)),
        // Mục II.9: "Nơi nhận" "chữ in thường, cỡ chữ 12, kiểu chữ nghiêng, đậm", at the left margin.
        WordStyle(id: StyleID.recipientsTitle, name: "Recipients Title", basedOn: StyleID.body, next: StyleID.recipients,
                  paragraph: WordParagraphFormat(keepNext: true, spacing: .init(before: 0, after: 0, line: 1), indentation: .init(),
                                                 alignment: .left),
                  run: WordRunFormat(bold: true, italic: true, size: 12)),
        // Mục II.9: the recipients "chữ in thường, cỡ chữ 11, kiểu chữ đứng", one per line after a dash.
        WordStyle(id: StyleID.recipients, name: "Recipients", basedOn: StyleID.body,
                  paragraph: WordParagraphFormat(keepNext: true, spacing: .init(before: 0, after: 0, line: 1), indentation: .init(),
                                                 alignment: .left),
                  run: WordRunFormat(size: 11)),
        // Mục II.7: the signer's authority and position "chữ in hoa, cỡ chữ từ 13 đến 14, kiểu chữ
        // đứng, đậm", centred — 14.
        WordStyle(id: StyleID.signerPosition, name: "Signer Position", basedOn: StyleID.body,
                  paragraph: WordParagraphFormat(keepNext: true, spacing: .init(before: 0, after: 0, line: 1), indentation: .init(),
                                                 alignment: .center),
                  run: WordRunFormat(bold: true, size: 14)),
        // Mục II.7: the signer's name "chữ in thường, cỡ chữ từ 13 đến 14, kiểu chữ đứng, đậm",
        // centred under the position, after room for the signature and the seal — 14.
        WordStyle(id: StyleID.signerName, name: "Signer Name", basedOn: StyleID.body,
                  paragraph: WordParagraphFormat(spacing: .init(before: WordLength.pt(72), after: 0, line: 1), indentation: .init(),
                                                 alignment: .center),
                  run: WordRunFormat(bold: true, size: 14)),
    ]
}
