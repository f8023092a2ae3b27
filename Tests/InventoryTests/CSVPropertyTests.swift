import Foundation
import Inventory
import PropertyBased
import Testing

@Suite("CSV reader: properties")
struct CSVPropertyTests {
    /// What CSV is made of, what breaks readers (quotes, CR, NUL, a BOM) and what spreadsheets run (= + - @ tab).
    static let characters: [Character] = Array("ab,\"\n\r'=+-@\t é日") + ["\r\n", "\u{0}", "\u{1B}", "\u{FEFF}", "\u{202E}"]
    static let character = Gen<Character?>.element(of: characters).map { $0 ?? "a" }

    @Test("no text traps: it is read or refused with a line number")
    func neverTraps() async {
        await propertyCheck(count: 3000, input: Self.character.string(of: 0...40)) { text in
            do {
                let records = try CSVReader().records(from: text)
                #expect(records.allSatisfy { $0.line >= 1 })
            } catch let failure as CSVReader.Failure {
                #expect(failure.description.hasPrefix("line "))
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    @Test("any row of fields (no NUL) written by `line` reads back as the same fields, formulas included")
    func roundTrip() async {
        let field = Gen<Character?>.element(of: Self.characters.filter { $0 != "\u{0}" && $0 != "\u{FEFF}" })
            .map { $0 ?? "a" }.string(of: 0...8)
        await propertyCheck(count: 3000, input: field.array(of: 2...5)) { fields in
            let records = try CSVReader().records(from: CSVReader.line(fields) + "\r\n")
            #expect(records.map(\.fields) == [fields])
        }
    }

    @Test("a written cell never starts with a formula character", arguments: ["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "'=x", "''@x"])
    func neutralised(cell: String) throws {
        let line = CSVReader.line([cell])
        let written = line.hasPrefix("\"") ? String(line.dropFirst()) : line
        #expect(written.hasPrefix("'"))
        #expect(try CSVReader().records(from: line + "\n").first?.fields.first == cell)
    }

    @Test("a NUL byte is an error naming its line, not a shorter field")
    func nul() {
        #expect(throws: CSVReader.Failure.nulByte(line: 3)) {
            try CSVReader().records(from: Data("name,kind\nA,camera\nB\u{0}C,camera\n".utf8))
        }
        #expect(throws: CSVReader.Failure.nulByte(line: 3)) {
            try CSVReader().records(from: "name,kind\n\"A\nB\u{0}\",camera\n")
        }
    }
}
