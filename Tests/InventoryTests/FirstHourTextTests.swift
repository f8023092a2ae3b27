import Foundation
import Inventory
import Testing

@Suite("CSV separator: read from the header")
struct CSVSeparatorTests {
    @Test("detection", arguments: [
        ("name,kind,address\nPC,computer,1.2.3.4\n", CSVSeparator.comma),
        ("\u{FEFF}Tên;Loại;Địa chỉ\r\nPC;may tinh;\r\n", .semicolon),
        ("name\tkind\n", .tab),
        (";;;;\r\nname;kind\r\n", .semicolon),
        ("\"a,b\";kind;x\n", .semicolon),
        ("name\n", .comma),
        ("", .comma),
    ])
    func detect(text: String, separator: CSVSeparator) {
        #expect(CSVSeparator.detect(in: text) == separator)
    }

    @Test("the reader splits on the detected separator")
    func reader() throws {
        let records = try CSVReader(separator: ";").records(from: "a;\"b;c\";d\r\n")
        #expect(records.map(\.fields) == [["a", "b;c", "d"]])
    }
}

@Suite("Header names in either language")
struct ImportColumnsTests {
    @Test("canonical names", arguments: [
        ("Tên", "name"), ("ten", "name"), ("LOẠI", "kind"), ("Địa chỉ", "address"), ("dia_chi", "address"),
        ("Tình trạng từ", "condition_since"), ("Dùng chung địa chỉ", "shared_address"), ("shared address", "shared_address"),
        ("name", "name"), ("Something else", "something_else"),
    ])
    func canonical(header: String, name: String) {
        #expect(ImportColumns.canonical(header) == name)
    }
}

@Suite("Typed durations need a unit")
struct DurationUnitTests {
    @Test("accepted", arguments: [("30s", 30.0), ("5m", 300), ("1h", 3600), ("500ms", 0.5)])
    func accepted(text: String, seconds: Double) throws {
        #expect(try DurationText.parseRequiringUnit(text).get().seconds == seconds)
    }

    @Test("refused", arguments: [
        ("5", DurationText.DurationProblem.noUnit("5")), ("0", .notPositive("0")), ("0s", .notPositive("0s")),
        ("-5m", .notPositive("-5m")), ("soon", .malformed("soon")),
    ])
    func refused(text: String, problem: DurationText.DurationProblem) {
        #expect(throws: problem) { try DurationText.parseRequiringUnit(text).get() }
        if case .noUnit = problem { #expect(problem.description.contains("5m")) }
    }
}

@Suite("Table cells stay on one line")
struct OneLineCellTests {
    @Test("line breaks become ' / '", arguments: [
        ("kẹt giấy\nchờ sửa", "kẹt giấy / chờ sửa"), ("a\r\nb\rc", "a / b / c"), ("plain", "plain"), ("a\n\nb\n", "a / b"),
    ])
    func oneLine(cell: String, shown: String) {
        #expect(TextTable.oneLine(cell) == shown)
    }
}
