/// What the whole-document DOCX puts around the section, as Nghị định 30/2020/NĐ-CP, Phụ lục I lays
/// out an administrative report: who issues it, its number, place, who signs it and who receives it.
///
/// Values come from the config's `[report]` keys; one that is missing prints as a dotted
/// placeholder for the office to fill in, never as a guess.
public struct ReportLetterhead: Sendable, Equatable {
    /// The issuing body's name, one entry per line ("ỦY BAN NHÂN DÂN", "XÃ MINH ĐỨC"); printed in capitals.
    public var issuingBody: [String] = []
    /// The place before the date ("Minh Đức" in "Minh Đức, ngày 30 tháng 11 năm 2026").
    public var place: String?
    /// The document's number, given when it is registered ("15" in "Số: 15/BC-UBND").
    public var number: String?
    /// The symbol after the number: the document type's and the body's abbreviations.
    public var symbol = "BC-UBND"
    /// The subject line under "BÁO CÁO" (trích yếu).
    public var subject: String?
    /// The signer's authority and position, one entry per line ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH").
    public var signerPosition: [String] = []
    /// The signer's full name.
    public var signerName: String?
    /// "Nơi nhận": one entry per recipient, the archive copy last ("Lưu: VT").
    public var recipients: [String] = []

    public init() {}
}
