import KiemkeCore
import Testing

@Suite("Words people type: conditions and kinds with and without diacritics")
struct WordParsingTests {
    @Test("condition words", arguments: [
        ("hư", Condition.broken), ("hư hỏng", .broken), ("hong", .broken), ("hỏng hẳn", .broken), ("HONG HAN", .broken),
        ("đã bị hỏng", .broken), ("da bi hong", .broken), ("tot", .good), ("Tốt", .good), ("bình thường", .good),
        ("binh  thuong", .good), ("xuong cap", .degraded), ("xuống cấp", .degraded), ("trung binh", .fair), ("khá", .fair),
        ("good", .good), ("BROKEN", .broken),
    ])
    func conditions(text: String, condition: Condition) {
        #expect(Condition(parsing: text) == condition)
        #expect(Condition(parsing: text.decomposedStringWithCanonicalMapping) == condition)
    }

    @Test("kind words", arguments: [
        ("may tinh", DeviceKind.computer), ("Máy tính", .computer), ("may in", .printer), ("photo", .copier),
        ("máy photo", .copier), ("may scan", .scanner), ("thiet bi mang", .network), ("camera", .camera), ("khac", .other),
    ])
    func kinds(text: String, kind: DeviceKind) {
        #expect(DeviceKind(parsing: text) == kind)
    }

    @Test("anything else is refused with the nearest words")
    func refused() {
        #expect(Condition(parsing: "tuyệt vời") == nil)
        #expect(Condition(parsing: "") == nil)
        #expect(DeviceKind(parsing: "toaster") == nil)
        #expect(Condition.notACondition("hongg").contains("did you mean \"hỏng\""))
        #expect(DeviceKind.notAKind("may tin").contains("did you mean"))
    }
}

@Suite("Did you mean: what people mean first")
struct SuggestionRankingTests {
    static let names = ["P", "PC-01", "PC-02", "PC-10", "PHOTO-02", "Máy chủ", "Phòng Kế toán"]

    @Test("ranking", arguments: [
        ("PC-1", "PC-01"), ("pc01", "PC-01"), ("may chu", "Máy chủ"), ("MAY CHU", "Máy chủ"), ("photo2", "PHOTO-02"),
        ("PHOTO-2", "PHOTO-02"), ("phong ke toan", "Phòng Kế toán"), ("PC-0", "PC-01"),
    ])
    func first(query: String, expected: String) {
        #expect(NameKey.suggestions(for: query, among: Self.names).first == expected)
    }

    @Test("a one-letter name is never first for a longer query", arguments: ["PC-1", "photo2", "Phong", "PRN-01"])
    func oneLetter(query: String) {
        #expect(NameKey.suggestions(for: query, among: Self.names).first != "P")
    }

    @Test("loose folding drops diacritics, đ too")
    func loose() {
        #expect(NameKey.loose("Điện thoại ĐỜI MỚI") == "dien thoai doi moi")
        #expect(NameKey.loose("hỏng".decomposedStringWithCanonicalMapping) == "hong")
    }
}
