import Foundation
import GRDB
import Inventory
import Testing
import TestSupport
import KiemkeCore

@Suite("CSV import")
struct ImportTests {
    @Test("the Minh Đức fixture imports every device with its kind and condition",
          .enabled(if: StoreFixture.minhDucCSV != nil, "needs ../shared/fixtures/minh-duc/devices.csv"))
    func minhDuc() throws {
        let fixture = try StoreFixture()
        let summary = try DeviceImporter(store: fixture.store).importFile(at: StoreFixture.minhDucCSV!, by: "test")
        // The file has a header and 44 device rows: 24 + 2 + 2 + 16, as expected.md counts them.
        #expect(summary.added == 44)
        let listing = try DeviceListing(store: fixture.store)
        let byKind = Dictionary(grouping: listing.entries, by: \.device.kind)
        #expect(byKind[.computer]?.count == 24)
        #expect(byKind[.scanner]?.count == 2)
        #expect(byKind[.copier]?.count == 2)
        #expect(byKind[.camera]?.count == 16)
        func conditions(_ kind: DeviceKind) -> [Condition: Int] {
            Dictionary(grouping: byKind[kind] ?? [], by: { $0.mark!.condition }).mapValues(\.count)
        }
        #expect(conditions(.scanner) == [.good: 1, .degraded: 1])
        #expect(conditions(.copier) == [.good: 1, .broken: 1])
        #expect(conditions(.camera) == [.good: 11, .fair: 5])
        let photo = try fixture.store.device(named: "photo-02")
        #expect(photo.location == "Bộ phận một cửa")
        #expect(photo.note == "máy đã bị hỏng")
    }

    @Test("quoted fields keep commas, quotes, newlines and Vietnamese text; NFD input is stored as NFC")
    func quotedFields() throws {
        let fixture = try StoreFixture()
        let nfdName = "Máy in tầng 2".decomposedStringWithCanonicalMapping
        let csv = """
            name,kind,address,location,condition,note,snmp_version,snmp_community,snmp_port,extra
            "\(nfdName)",printer,::1,"Phòng 2, tầng 2",fair,"mực ""gần hết""
            cần thay",2c,"pub,lic",1161,ignored
            """
        let summary = try DeviceImporter(store: fixture.store).importCSV(Data(csv.utf8), file: "in.csv", by: "test")
        #expect(summary.added == 1)
        let device = try fixture.store.device(named: "MÁY IN TẦNG 2")
        #expect(device.name == "Máy in tầng 2".precomposedStringWithCanonicalMapping)
        #expect(device.name.unicodeScalars.count == "Máy in tầng 2".precomposedStringWithCanonicalMapping.unicodeScalars.count)
        #expect(device.location == "Phòng 2, tầng 2")
        #expect(device.note == "mực \"gần hết\"\ncần thay")
        #expect(device.snmpVersion == .v2c)
        #expect(device.snmpCommunity == "pub,lic")
        #expect(device.snmpPort == 1161)
        #expect(try fixture.store.currentMarks()[device.id!]?.condition == .fair)
    }

    @Test("re-importing updates devices by name and records a changed condition as a new mark")
    func reimport() throws {
        let fixture = try StoreFixture()
        let importer = DeviceImporter(store: fixture.store)
        try importer.importCSV(Data("name,kind,address,condition\nPC-01,computer,127.0.0.1,good\nPC-02,computer,127.0.0.2,good\n".utf8), file: "a.csv", by: "test")
        let summary = try importer.importCSV(Data("name,kind,address,condition\npc-01,computer,127.0.0.9,broken\nPC-02,computer,127.0.0.2,good\n".utf8), file: "b.csv", by: "test")
        #expect(summary == DeviceImporter.Summary(added: 0, updated: 1, unchanged: 1, marked: 1))
        #expect(try fixture.store.devices().count == 2)
        let device = try fixture.store.device(named: "PC-01")
        #expect(device.address == "127.0.0.9")
        #expect(try fixture.store.marks(of: device).map(\.condition) == [.broken, .good])
    }

    @Test("per-device schedule and poll interval columns are read, and written back by the CSV listing")
    func scheduleAndInterval() throws {
        let fixture = try StoreFixture()
        try DeviceImporter(store: fixture.store).importCSV(
            Data("name,kind,address,schedule,interval\nSRV-01,computer,127.0.0.1,always,1m\nPC-01,computer,127.0.0.2,,\n".utf8),
            file: "s.csv", by: "t")
        let server = try fixture.store.device(named: "SRV-01")
        #expect(server.schedule == .always)
        #expect(server.pollInterval == 60)
        #expect(RecordingPolicy(interval: 300).interval(for: server) == 60)
        #expect(try fixture.store.device(named: "PC-01").pollInterval == nil)
        let csv = try DeviceListing(store: fixture.store).csv()
        #expect(csv.contains("SRV-01,computer,127.0.0.1,,good,,,,,always,1m"))
        #expect {
            try DeviceImporter(store: fixture.store).importCSV(Data("name,kind,interval\nX,camera,soon\n".utf8), file: "b.csv", by: "t")
        } throws: { error in
            guard case .badRows(_, let problems) = error as? ImportError else { return false }
            return problems.map(\.field) == ["interval"]
        }
    }

    @Test("Vietnamese kind and condition words are accepted")
    func vietnameseWords() throws {
        let fixture = try StoreFixture()
        try DeviceImporter(store: fixture.store).importCSV(
            Data("name,kind,address,condition\nA,máy photo,,đã bị hỏng\nB,Máy Scan,,Hoạt động trung bình\n".utf8), file: "v.csv", by: "t")
        let marks = try fixture.store.currentMarks()
        #expect(try fixture.store.device(named: "A").kind == .copier)
        #expect(marks[try fixture.store.device(named: "A").id!]?.condition == .broken)
        #expect(try fixture.store.device(named: "B").kind == .scanner)
        #expect(marks[try fixture.store.device(named: "B").id!]?.condition == .fair)
    }

    @Test("the CSV that `devices list` writes imports back to the same list",
          .enabled(if: StoreFixture.minhDucCSV != nil, "needs ../shared/fixtures/minh-duc/devices.csv"))
    func roundTrip() throws {
        let first = try StoreFixture()
        try DeviceImporter(store: first.store).importFile(at: StoreFixture.minhDucCSV!, by: "test")
        try first.store.mark(named: "PC-03", condition: .degraded, note: "quạt kêu, \"ồn\"", by: "test")
        let csv = try DeviceListing(store: first.store).csv()
        let second = try StoreFixture()
        try DeviceImporter(store: second.store).importCSV(Data(csv.utf8), file: "list.csv", by: "test")
        #expect(try DeviceListing(store: second.store).csv() == csv)
    }
}

@Suite("CSV import rejects bad files whole")
struct ImportRejectionTests {
    static let good = "PC-01,computer,127.0.0.1,Văn phòng,good,\n"

    /// Each case: a bad row, the field the problem must name.
    static let cases: [(row: String, field: String)] = [
        // Each at its own address: two devices at one address are a problem of their own.
        ("Máy lạ,toaster,127.0.0.2,,good,", "kind"),
        ("PC-02,computer,127.0.0.3,,tuyệt vời,", "condition"),
        (",computer,127.0.0.4,,good,", "name"),
        ("pc-01,computer,127.0.0.5,,good,", "name"),
        ("PC-03,computer,192.168.1,,good,", "address"),
        ("PC-04,computer,not-an-ip,,good,", "address"),
        ("PC-05,computer,127.0.0.2,good,", "row"),
    ]

    @Test("one bad row imports nothing and names its line and field", arguments: cases.indices)
    func badRow(index: Int) throws {
        let (row, field) = Self.cases[index]
        let fixture = try StoreFixture()
        let csv = "name,kind,address,location,condition,note\n" + Self.good + row + "\n"
        #expect {
            try DeviceImporter(store: fixture.store).importCSV(Data(csv.utf8), file: "bad.csv", by: "t")
        } throws: { error in
            guard case .badRows(let file, let problems) = error as? ImportError else { return false }
            return file == "bad.csv" && problems == [problems[0]] && problems[0].line == 3 && problems[0].field == field
        }
        #expect(try fixture.store.devices().isEmpty)
    }

    @Test("every bad row of a file is listed, with its line")
    func everyBadRowListed() throws {
        let fixture = try StoreFixture()
        let csv = "name,kind,address,location,condition,note\n" + Self.good
            + Self.cases.map(\.row).joined(separator: "\n") + "\n"
        do {
            try DeviceImporter(store: fixture.store).importCSV(Data(csv.utf8), file: "bad.csv", by: "t")
            Issue.record("a file with bad rows was imported")
        } catch let ImportError.badRows(_, problems) {
            #expect(problems.map(\.line) == [3, 4, 5, 6, 7, 8, 9])
            #expect(problems.map(\.field) == Self.cases.map(\.field))
        }
        #expect(try fixture.store.devices().isEmpty)
    }

    @Test("a file that is not UTF-8 is refused with the line of the bad byte")
    func notUTF8() throws {
        let fixture = try StoreFixture()
        var data = Data("name,kind\nPC-01,computer\n".utf8)
        data.append(contentsOf: [0x4D, 0xE1, 0x79, 0x2C, 0x63, 0x61, 0x6D, 0x65, 0x72, 0x61, 0x0A]) // "Máy" in Latin-1
        #expect(throws: ImportError.unreadable(file: "latin1.csv", reason: CSVReader.Failure.notUTF8(line: 3).description)) {
            try DeviceImporter(store: fixture.store).importCSV(data, file: "latin1.csv", by: "t")
        }
        #expect(try fixture.store.devices().isEmpty)
    }

    @Test("a header without name or kind is refused")
    func missingColumns() throws {
        let fixture = try StoreFixture()
        #expect(throws: ImportError.missingColumns(file: "h.csv", columns: ["kind"])) {
            try DeviceImporter(store: fixture.store).importCSV(Data("name,address\nPC-01,127.0.0.1\n".utf8), file: "h.csv", by: "t")
        }
    }

    @Test("an unclosed quote is refused with the line it opens on")
    func unclosedQuote() throws {
        let fixture = try StoreFixture()
        #expect(throws: ImportError.unreadable(file: "q.csv", reason: CSVReader.Failure.unterminatedQuote(line: 3).description)) {
            try DeviceImporter(store: fixture.store).importCSV(Data("name,kind\nA,computer\n\"B,computer\n".utf8), file: "q.csv", by: "t")
        }
    }
}
