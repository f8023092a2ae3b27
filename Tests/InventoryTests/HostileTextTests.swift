import Foundation
@testable import Inventory
import KiemkeCore
import Testing
import TestSupport

/// Strings that take over a terminal or a spreadsheet, and what each output must make of them.
enum Injection {
    static let clearScreen = "\u{1B}[2J"
    static let clipboard = "\u{1B}]52;c;ZWNobyBwd25lZA==\u{07}"
    static let title = "\u{1B}]0;pwned\u{07}"
    static let c1 = "\u{9B}31m"
    static let formula = "=HYPERLINK(\"http://198.51.100.1/x\",\"bấm vào\")"
    static let script = "<script>alert(1)</script>"
    static let all = clearScreen + clipboard + title + c1

    /// Whether `text` holds a character a terminal would act on.
    static func isRaw(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 != "\n" && $0 != "\t" && (TerminalText.isControl($0) || TerminalText.isBidiControl($0)) }
    }
}

@Suite("Terminal escaping")
struct TerminalTextTests {
    @Test("controls become visible escapes; Vietnamese text is kept", arguments: [
        ("\u{1B}[2J", "\\x1B[2J"), ("a\u{07}b", "a\\x07b"), ("\u{7F}", "\\x7F"), ("\u{9B}", "\\x9B"), ("x\ny", "x\\ny"),
        ("\u{202E}gpj.exe", "\\u{202E}gpj.exe"), ("Máy in tầng 2", "Máy in tầng 2"),
    ])
    func escaped(input: String, expected: String) {
        #expect(TerminalText.escaped(input) == expected)
    }

    @Test("line breaks can be kept for multi-line messages")
    func lineBreaks() {
        #expect(TerminalText.escaped("a\n\u{1B}b", keepingLineBreaks: true) == "a\n\\x1Bb")
    }
}

@Suite("Outputs given hostile names, notes and device strings")
struct HostileOutputTests {
    /// A store whose device strings carry every injection: typed before imports checked them,
    /// or said by the device itself (supply names, conditions).
    static func store() throws -> StoreFixture {
        let fixture = try StoreFixture()
        let store = fixture.store
        let device = try store.add(Device(name: "PR" + Injection.clearScreen, kind: .printer, address: "127.0.0.1",
                                          location: Injection.title + Injection.script, note: Injection.clipboard + Injection.formula),
                                   condition: .degraded, by: "t" + Injection.c1)
        let facts = DeviceFacts(address: "127.0.0.1",
                                classification: Classification(kind: .printer, vendor: Injection.title, model: nil, confidence: 1, reason: "t"),
                                conditions: ["jammed" + Injection.all],
                                supplies: [PrinterSupply(name: "Toner" + Injection.all + Injection.script, type: "toner", color: nil,
                                                         levelPct: 3, levelState: nil, level: 3, maxCapacity: 100)])
        try store.record([Observation(deviceId: device.id!, time: Date(), up: true, answeredBy: "snmp", facts: facts)],
                         policy: RecordingPolicy(interval: 60))
        return fixture
    }

    @Test("devices list, devices show, history and status print no control character")
    func terminalOutputs() throws {
        let fixture = try Self.store()
        let listing = try DeviceListing(store: fixture.store)
        let detail = try DeviceDetail(store: fixture.store, name: "PR" + Injection.clearScreen)
        let status = try StatusListing(store: fixture.store)
        for output in [listing.table(), detail.text(), detail.historyText(), status.table()] {
            #expect(!Injection.isRaw(output), "\(output.debugDescription)")
            #expect(output.contains("\\x1B"), "the hostile strings reach the output, escaped: \(output)")
        }
        #expect(status.table().contains("\\x1B]52;c;") || status.table().contains("Toner\\x1B[2J"), "the escape is shown, not dropped")
    }

    @Test("the report's text has no control character, its Markdown no HTML, its CSV no formula")
    func report() throws {
        let fixture = try Self.store()
        let report = try DigitalGovernmentReport(store: fixture.store, period: ReportPeriod(fromDay: "2026-01-01", toDay: "2099-12-31"),
                                                 hours: OfficeHours(), office: "UBND" + Injection.title)
        for language in ReportLanguage.allCases {
            let text = try report.rendered(.text, language: language)
            #expect(!Injection.isRaw(text), "\(text.debugDescription)")
            #expect(text.contains("\\x1B"), "the hostile strings reach the text, escaped: \(text)")
            let markdown = try report.rendered(.markdown, language: language)
            #expect(!Injection.isRaw(markdown))
            #expect(!markdown.contains("<script>") && !markdown.contains("</script>"))
            #expect(markdown.contains("&lt;script&gt;"), "escaped where it is shown: \(markdown)")
            let csv = try report.rendered(.csv, language: language)
            for record in csv.split(separator: "\n") {
                for cell in record.split(separator: ",") {
                    let start = cell.hasPrefix("\"") ? cell.dropFirst() : cell[...]
                    #expect(!["=", "+", "-", "@", "\t", "\r"].contains { start.hasPrefix($0) }, "\(cell)")
                }
            }
        }
    }

    @Test("the device CSV neutralises formulas and imports back unchanged")
    func csvRoundTrip() throws {
        let fixture = try StoreFixture()
        try fixture.store.add(Device(name: "=1+2", kind: .printer, address: "", location: "@SUM(A1)", note: Injection.formula), by: "t")
        try fixture.store.add(Device(name: "-PC", kind: .computer, address: "", location: "+84 tầng 2", note: "'=already quoted"), by: "t")
        let csv = try DeviceListing(store: fixture.store).csv()
        #expect(!csv.contains("\n=") && !csv.contains("\n-") && !csv.contains(",@") && !csv.contains(",+"))
        let again = try StoreFixture()
        try DeviceImporter(store: again.store).importCSV(Data(csv.utf8), file: "list.csv", by: "t")
        let before = try DeviceListing(store: fixture.store).entries.map { [$0.device.name, $0.device.location, $0.device.note] }
        let after = try DeviceListing(store: again.store).entries.map { [$0.device.name, $0.device.location, $0.device.note] }
        #expect(after == before)
        #expect(after.contains(["=1+2", "@SUM(A1)", Injection.formula]))
    }
}

@Suite("Import refuses names and notes no one typed")
struct ImportTextRulesTests {
    static func problems(_ csv: String) -> [ImportProblem] {
        guard let fixture = try? StoreFixture() else { return [] }
        do {
            try DeviceImporter(store: fixture.store).importCSV(Data(csv.utf8), file: "d.csv", by: "t")
            return []
        } catch ImportError.badRows(_, let problems) {
            return problems
        } catch {
            return [ImportProblem(line: 0, field: "file", message: "\(error)")]
        }
    }

    @Test("each bad field is named with its line", arguments: [
        ("\u{1B}\u{07},camera,,", "name"),
        ("\u{0085}\u{009B},camera,,", "name"),
        ("PC\u{202E}10-CP,camera,,", "name"),
        ("PC\u{2066}1,camera,,", "name"),
        (String(repeating: "x", count: 101) + ",camera,,", "name"),
        ("PC-1\u{1B}[2J,camera,,", "name"),
        ("PC-1,camera,," + String(repeating: "n", count: 2001), "note"),
        ("PC-1,camera,,\"a\u{1B}]52;c;x\u{07}\"", "note"),
        ("PC-1,camera,@,", "snmp_community"),
        ("PC-1,camera,@bad name,", "snmp_community"),
    ])
    func refused(row: String, field: String) {
        let problems = Self.problems("name,kind,snmp_community,note\n" + row + "\n")
        #expect(problems.map(\.field) == [field], "\(problems)")
        #expect(problems.first?.line == 2)
        #expect(problems.allSatisfy { !Injection.isRaw($0.description) && $0.description.count < 300 })
    }

    @Test("a name of exactly 100 characters, a 2,000-character note with line breaks, and @NAME communities are accepted")
    func accepted() throws {
        let fixture = try StoreFixture()
        let note = String(repeating: "ghi chú\n", count: 250)
        let csv = CSVReader.line(["name", "kind", "snmp_community", "note"]) + "\n"
            + CSVReader.line([String(repeating: "Ơ", count: 100), "camera", "@may-in", note]) + "\n"
        try DeviceImporter(store: fixture.store).importCSV(Data(csv.utf8), file: "d.csv", by: "t")
        let device = try #require(try fixture.store.devices().first)
        #expect(device.snmpCommunity == "@may-in")
        #expect(device.note.count == NameKey.clean(note).count)
    }

    @Test("the interval column is bounded: 1 s to 1 day", arguments: [("1s", true), ("1d", true), ("500ms", false), ("2d", false), ("inf", false), ("1e400s", false), ("1e16d", false)])
    func interval(text: String, accepted: Bool) {
        let problems = Self.problems("name,kind,interval\nCAM-1,camera,\(text)\n")
        #expect(problems.isEmpty == accepted, "\(problems)")
    }

    @Test("a NUL byte refuses the file naming the line")
    func nul() {
        let problems = Self.problems("name,kind\nA,camera\nB\u{0},camera\nC,camera\n")
        #expect(problems.count == 1 && problems[0].message.contains("line 3: the file holds a NUL byte"), "\(problems)")
    }
}

@Suite("Database file modes")
struct DatabaseFileModeTests {
    static func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test("a new database, its WAL and the folders made for it are private (0600/0700)")
    func newDatabase() throws {
        let folder = TemporaryDirectory()
        let path = folder.path("a/b/kiemke.sqlite")
        let store = try InventoryStore(path: path)
        try store.add(Device(name: "PC-1", kind: .computer, address: "", snmpCommunity: "s3cret"), by: "t")
        #expect(try Self.mode(path) == 0o600)
        #expect(try Self.mode(path + "-wal") == 0o600)
        #expect(try Self.mode(folder.path("a")) == 0o700)
        #expect(try Self.mode(folder.path("a/b")) == 0o700)
        #expect(!InventoryStore.communitiesReadableByOthers(at: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect(InventoryStore.communitiesReadableByOthers(at: path))
    }

    @Test("communities kept in the secrets file (@NAME) are not a reason to warn")
    func references() throws {
        let folder = TemporaryDirectory()
        let path = folder.path("kiemke.sqlite")
        try InventoryStore(path: path).add(Device(name: "PR-1", kind: .printer, address: "", snmpCommunity: "@may-in"), by: "t")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect(!InventoryStore.communitiesReadableByOthers(at: path))
    }
}
