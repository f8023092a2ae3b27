import Foundation
import GRDB
@testable import Inventory
import KiemkeCore
import Testing
import TestSupport

/// The import's bulk path (values bound with SQLite's own calls, uuids made in bulk, the change
/// log written in index order) stores what GRDB's records read back, as the row-by-row path did.
@Suite("Bulk import: what the fast path writes reads back as records")
struct BulkImportTests {
    @Test("storedText is uuidString, for random uuids and the extremes")
    func uuidText() {
        var uuids = (0..<200).map { _ in UUID() }
        uuids.append(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
        uuids.append(UUID(uuid: (255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255)))
        for uuid in uuids {
            #expect(uuid.storedText == uuid.uuidString)
        }
    }

    @Test("uuids made in bulk are distinct version 4 uuids", arguments: [0, 1, 16, 17, 5_000])
    func bulkUUIDs(count: Int) {
        let uuids = RandomUUIDs.make(count: count)
        #expect(uuids.count == count)
        #expect(Set(uuids).count == count)
        for uuid in uuids {
            let text = uuid.uuidString
            #expect(Array(text)[14] == "4", "version nibble of \(text)")
            #expect("89AB".contains(Array(text)[19]), "variant of \(text)")
        }
    }

    @Test("a 6,000-row import beside devices already there: every field, date, mark and change-log entry as records read them")
    func largeImportReadsBack() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let t0 = local("2026-11-30 10:00")
        let old = try store.add(Device(name: "PC-ĐẦU", kind: .computer, address: "10.9.0.1", createdAt: t0 - 86_400), by: "t")
        var csv = "name,kind,address,location,condition,note,snmp_version,snmp_community,snmp_port,schedule,interval,since,condition_since\n"
        for i in 0..<6_000 {
            let extra = i % 3 == 0 ? "2c,@may-in,1161,always,5m,2024-01-0\(i % 9 + 1),2025-03-15T09:30" : ",,,,,,"
            csv += "Máy-\(i),\(i % 2 == 0 ? "camera" : "máy in"),10.0.\(i / 256).\(i % 256),Tầng \(i % 5),\(i % 4 == 0 ? "hỏng" : ""),ghi chú \(i),\(extra)\n"
        }
        let summary = try DeviceImporter(store: store).importCSV(Data(csv.utf8), file: "big.csv", by: "Lan", at: t0)
        #expect(summary.added == 6_000)

        func office(_ text: String) throws -> Date { try OfficeDate.parse(text, timeZone: store.timeZone) }
        let devices = try store.devices()
        #expect(devices.count == 6_001)
        #expect(Set(devices.map(\.uuid)).count == 6_001)
        let byName = Dictionary(uniqueKeysWithValues: devices.map { ($0.name, $0) })
        let first = try #require(byName["Máy-0"])
        #expect(first.kind == .camera && first.address == "10.0.0.0" && first.location == "Tầng 0" && first.note == "ghi chú 0")
        #expect(first.snmpVersion == .v2c && first.snmpCommunity == "@may-in" && first.snmpPort == 1161)
        #expect(first.schedule == .always && first.pollInterval == 300)
        #expect(try first.createdAt == office("2024-01-01") && first.enteredAt == t0 && first.retiredAt == nil)
        #expect(first.nameKey == NameKey.fold("Máy-0"))
        let plain = try #require(byName["Máy-1"])
        #expect(plain.kind == .printer && plain.snmpVersion == nil && plain.snmpCommunity == nil && plain.snmpPort == nil)
        #expect(plain.schedule == nil && plain.pollInterval == nil && plain.createdAt == t0)

        // Marks: the good mark from in-service, then the broken one dated condition_since.
        let marks = try store.marks(of: first).sorted { $0.markedAt < $1.markedAt }
        #expect(marks.map(\.condition) == [.good, .broken])
        #expect(try marks.map(\.markedAt) == [office("2024-01-01"), office("2025-03-15T09:30")])
        #expect(marks.allSatisfy { $0.markedBy == "Lan" && $0.enteredAt == t0 })
        #expect(try store.marks(of: plain).map(\.condition) == [.good])

        // One device and one marks entry per imported device, after the old device's two.
        let changes = try store.changes(since: 0, limit: 100_000)
        #expect(changes.count == 2 + 2 * 6_000)
        let imported = changes.dropFirst(2)
        #expect(Set(imported.filter { $0.entity == .device }.map(\.deviceUUID)) == Set(devices.map(\.uuid)).subtracting([old.uuid]))
        #expect(Set(imported.filter { $0.entity == .marks }.map(\.deviceUUID)).count == 6_000)
        #expect(imported.filter { $0.entity == .device }.allSatisfy { $0.kind == .added })
        #expect(changes.map(\.sequence) == changes.map(\.sequence).sorted())

        // The same file again changes nothing.
        let again = try DeviceImporter(store: store).importCSV(Data(csv.utf8), file: "big.csv", by: "Lan", at: t0 + 60)
        #expect(again.unchanged == 6_000 && again.added == 0 && again.updated == 0 && again.marked == 0)
    }
}

@Suite("CSV separator: a large file is read from its start")
struct LargeFileSeparatorTests {
    static func data(blankLines: Int, header: String, rows: Int) -> Data {
        var text = String(repeating: ";;;;\n", count: blankLines) + header + "\n"
        for i in 0..<rows { text += "PC-\(i);computer;ghi chú \(i)\n" }
        return Data(text.utf8)
    }

    @Test("a file past the prefix gets the separator its header has, as its whole text would", arguments: [
        (0, "name;kind;note", CSVSeparator.semicolon),
        (0, "name,kind,note", .comma),
        (0, "name\tkind\tnote", .tab),
        // Separator-only lines beyond the prefix: the header is found after them, in the whole text.
        (20_000, "name\tkind\tnote", .tab),
    ])
    func largeFile(blankLines: Int, header: String, expected: CSVSeparator) {
        let data = Self.data(blankLines: blankLines, header: header, rows: 5_000)
        #expect(data.count > 64 << 10)
        #expect(CSVSeparator.detect(in: data) == expected)
        #expect(CSVSeparator.detect(in: data) == CSVSeparator.detect(in: String(decoding: data, as: UTF8.self)))
    }
}
