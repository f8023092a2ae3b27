import Foundation
import Inventory
import WordDocument

/// The administrative frame of the whole-document mode (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục
/// I.6 and the layout diagram): issuing body and number on the left, national name, motto, place and
/// date on the right, the title centred; after the body, recipients on the left and the signature
/// block on the right.
extension ReportWordRenderer {
    /// What stands in for a value the config does not give: dots to fill in by hand.
    static let placeholder = "......"

    /// The left column of the heading and signature tables: the issuing body's and the recipients' share of the line.
    static let leftShare = 0.36

    /// The issuing body with its rule and number, beside the national name, motto, place and date; then the title.
    static func letterheadBlocks(_ letterhead: ReportLetterhead, words: FrameWords, date: Date, calendar: Calendar) -> [WordBlock] {
        let left = Int(Double(page.textWidth) * leftShare)
        let right = page.textWidth - left
        let body = letterhead.issuingBody.isEmpty ? [placeholder] : letterhead.issuingBody.map { $0.uppercased(with: words.locale) }
        // Mục II.2: the rule under the issuing body is 1/3 to 1/2 of its line — 0.4 of the longest.
        let bodyWidth = body.map { TextWidth.estimate($0, size: 13, bold: true) }.max() ?? 0
        var bodyCell = body.map { WordParagraph(style: StyleID.issuingBody, $0) }
        bodyCell.append(rule(length: Int(Double(bodyWidth) * 0.4), in: left))

        // Mục II.1: the motto's rule is as long as the motto.
        let mottoWidth = TextWidth.estimate(words.motto, size: 13, bold: true)
        let nationalCell = [
            WordParagraph(style: StyleID.nationalName, words.nationalName),
            WordParagraph(style: StyleID.motto, words.motto),
            rule(length: mottoWidth, in: right),
        ]
        let number = (letterhead.number ?? "...") + (letterhead.symbol.isEmpty ? "" : "/" + letterhead.symbol)
        let day = calendar.dateComponents([.year, .month, .day], from: date)
        let placeDate = words.placeAndDate(place: letterhead.place ?? placeholder, year: day.year ?? 0, month: day.month ?? 0, day: day.day ?? 0)
        let heading = WordTable(columnWidths: [left, right], hasBorders: false, rows: [
            WordTable.Row([WordTable.Cell(bodyCell), WordTable.Cell(nationalCell)]),
            WordTable.Row([
                WordTable.Cell([WordParagraph(style: StyleID.documentNumber, "\(words.numberLabel) \(number)")]),
                WordTable.Cell([WordParagraph(style: StyleID.placeDate, placeDate)]),
            ]),
        ])
        let subject = letterhead.subject ?? words.defaultSubject
        // Mục II.5: the subject's rule is 1/3 to 1/2 of its line — 0.4, and no longer than the page allows.
        let subjectWidth = min(TextWidth.estimate(subject, size: 14, bold: true), page.textWidth)
        return [
            .table(heading),
            .paragraph(WordParagraph(style: StyleID.documentType, words.documentType)),
            .paragraph(WordParagraph(style: StyleID.subject, subject)),
            .paragraph(rule(length: Int(Double(subjectWidth) * 0.4), in: page.textWidth, after: WordLength.pt(12))),
        ]
    }

    /// "Nơi nhận" and its list on the left, the signer's position, room to sign and name on the right.
    static func signatureBlocks(_ letterhead: ReportLetterhead, words: FrameWords) -> [WordBlock] {
        let left = Int(Double(page.textWidth) * leftShare)
        let right = page.textWidth - left
        // Mục II.9: one recipient a line after a dash, ";" after each, "." after the last (the archive copy).
        let recipients = letterhead.recipients.isEmpty ? [placeholder, words.archive] : letterhead.recipients
        var recipientsCell = [WordParagraph(style: StyleID.recipientsTitle, words.recipientsTitle)]
        for (index, recipient) in recipients.enumerated() {
            // The office may have typed the punctuation itself; the dots of a placeholder stay.
            let trimmed = recipient == placeholder ? recipient : recipient.trimmingCharacters(in: CharacterSet(charactersIn: ";.,"))
            let end = index == recipients.count - 1 ? "." : ";"
            recipientsCell.append(WordParagraph(style: StyleID.recipients, "- " + trimmed + end))
        }
        let position = letterhead.signerPosition.isEmpty ? [placeholder] : letterhead.signerPosition.map { $0.uppercased(with: words.locale) }
        var signerCell = position.map { WordParagraph(style: StyleID.signerPosition, $0) }
        signerCell.append(WordParagraph(style: StyleID.signerName, letterhead.signerName ?? placeholder))
        let table = WordTable(columnWidths: [left, right], hasBorders: false, rows: [
            WordTable.Row([WordTable.Cell(recipientsCell), WordTable.Cell(signerCell)]),
        ])
        // Space between the body and the block, as the seed leaves it.
        return [.paragraph(WordParagraph(style: StyleID.rule, format: WordParagraphFormat(keepNext: true, spacing: .init(before: WordLength.pt(6), after: 0, line: 1)))),
                .table(table)]
    }

    /// An empty 2 pt paragraph whose top border is a centred rule `length` twips long in a column `width` wide.
    static func rule(length: Int, in width: Int, after: Int = 0) -> WordParagraph {
        let length = min(max(length, WordLength.mm(10)), width)
        let side = (width - length) / 2
        return WordParagraph(style: StyleID.rule,
                             format: WordParagraphFormat(rule: .init(width: 6), spacing: .init(before: WordLength.pt(3), after: after, line: 1),
                                                         indentation: .init(left: side, right: side)))
    }
}

/// The frame's fixed words in the report's language: national name, motto, labels, the date's form.
struct FrameWords: Sendable {
    var locale: Locale
    var languageTag: String
    var nationalName: String
    var motto: String
    var numberLabel: String
    var documentType: String
    /// The type in a title's case, for the file's properties.
    var documentTitle: String
    var defaultSubject: String
    var recipientsTitle: String
    var archive: String
    var language: ReportLanguage

    init(_ language: ReportLanguage) {
        self.language = language
        switch language {
        case .vi:
            locale = Locale(identifier: "vi_VN")
            languageTag = "vi-VN"
            nationalName = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
            motto = "Độc lập - Tự do - Hạnh phúc"
            numberLabel = "Số:"
            documentType = "BÁO CÁO"
            documentTitle = "Báo cáo"
            defaultSubject = "Hạ tầng công nghệ thông tin phục vụ chính quyền điện tử, chính quyền số"
            recipientsTitle = "Nơi nhận:"
            archive = "Lưu: VT"
        case .en:
            locale = Locale(identifier: "en_GB")
            languageTag = "en-GB"
            nationalName = "SOCIALIST REPUBLIC OF VIET NAM"
            motto = "Independence - Freedom - Happiness"
            numberLabel = "No.:"
            documentType = "REPORT"
            documentTitle = "Report"
            defaultSubject = "IT infrastructure for e-government and digital government"
            recipientsTitle = "Recipients:"
            archive = "Archived: Office"
        }
    }

    /// "Minh Đức, ngày 30 tháng 11 năm 2026"; "Minh Đức, 30 November 2026".
    func placeAndDate(place: String, year: Int, month: Int, day: Int) -> String {
        switch language {
        case .vi:
            // Mục II.4: "Đối với những số thể hiện ngày nhỏ hơn 10 và tháng 1, 2 phải ghi thêm số 0 phía trước".
            let d = day < 10 ? "0\(day)" : "\(day)"
            let m = month <= 2 ? "0\(month)" : "\(month)"
            return "\(place), ngày \(d) tháng \(m) năm \(year)"
        case .en:
            let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                          "November", "December"]
            return "\(place), \(day) \((1...12).contains(month) ? months[month - 1] : "\(month)") \(year)"
        }
    }
}

/// A line's printed width, estimated from Times New Roman's character widths, for rules drawn under text.
enum TextWidth {
    /// Twips `text` takes at `size` points: capitals ≈ 0.72 em, small letters and digits ≈ 0.5 em,
    /// spaces and punctuation ≈ 0.28 em; bold ≈ 5% wider. Good to a few per cent on Vietnamese text.
    static func estimate(_ text: String, size: Double, bold: Bool) -> Int {
        var ems = 0.0
        for character in text {
            if character.isUppercase { ems += 0.72 } else if character.isLetter || character.isNumber { ems += 0.5 } else { ems += 0.28 }
        }
        return Int(ems * size * 20 * (bold ? 1.05 : 1))
    }
}
