import Foundation
import GRDB
@testable import Inventory
import Logging
import Testing
import TestSupport
import KiemkeCore

/// A row as kiemke wrote it before the facts format was versioned: Probes' `DeviceFacts` JSON,
/// with no `version`. Written out, not encoded, so that a change in Probes cannot change it.
private let versionOneRow = #"""
{"address":"192.168.1.60","conditions":["low toner"],"confidence":0.9,"device_status":"warning","devices":[{"description":"Canon","index":1,"status":"warning","type":"printer"}],"firmware":null,"interfaces":[{"index":1,"mac":"00:11:22:33:44:55","name":"eth0","oper_status":"up","speed_mbps":100}],"kind":"printer","model":"LBP2900","notes":["ENTITY-MIB not answered"],"page_count":4321,"printer_status":"idle","processor_loads":[12],"reason":"Printer-MIB present","serial":"ABC123","serial_source":"Printer-MIB prtGeneralSerialNumber","storage":[{"is_disk":true,"name":"C:\\","size_bytes":1000,"type":"fixed_disk","used_bytes":950,"used_pct":95}],"supplies":[{"color":"black","level":5,"level_pct":5,"level_state":null,"max_capacity":100,"name":"Black Toner","type":"toner"}],"system":{"sys_descr":"Canon LBP","sys_name":"IN-01","sys_object_id":"1.3.6.1.4.1.1602.4.7","sys_uptime_ticks":12345},"vendor":"Canon"}
"""#

/// What `versionOneRow` says.
private let versionOneFacts = DeviceFacts(
    address: "192.168.1.60",
    classification: Classification(kind: .printer, vendor: "Canon", model: "LBP2900", confidence: 0.9, reason: "Printer-MIB present"),
    system: SystemGroup(description: "Canon LBP", objectID: "1.3.6.1.4.1.1602.4.7", name: "IN-01", uptimeTicks: 12345),
    serial: "ABC123", serialSource: "Printer-MIB prtGeneralSerialNumber", deviceStatus: "warning", printerStatus: "idle",
    conditions: ["low toner"],
    supplies: [PrinterSupply(name: "Black Toner", type: "toner", color: "black", levelPct: 5, levelState: nil, level: 5, maxCapacity: 100)],
    pageCount: 4321,
    storage: [StorageArea(name: "C:\\", type: "fixed_disk", isDisk: true, sizeBytes: 1000, usedBytes: 950, usedPct: 95)],
    processorLoads: [12],
    interfaces: [NetworkInterface(index: 1, name: "eth0", operStatus: "up", speedMbps: 100, mac: "00:11:22:33:44:55")],
    devices: [HostDevice(index: 1, type: "printer", description: "Canon", status: "warning")],
    notes: ["ENTITY-MIB not answered"])

/// Keeps what a logger was given, for tests.
final class LogCapture: @unchecked Sendable {
    // @unchecked: `entries` is only read or written while `lock` is held.
    private let lock = NSLock()
    private var entries: [(level: Logger.Level, message: String, metadata: Logger.Metadata)] = []

    var logged: [(level: Logger.Level, message: String, metadata: Logger.Metadata)] { lock.withLock { entries } }

    func append(_ level: Logger.Level, _ message: String, _ metadata: Logger.Metadata) {
        lock.withLock { entries.append((level, message, metadata)) }
    }

    var logger: Logger {
        Logger(label: "test") { _ in Handler(capture: self) }
    }

    struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String,
                 file: String, function: String, line: UInt) {
            capture.append(level, message.description, self.metadata.merging(metadata ?? [:]) { $1 })
        }
    }
}

@Suite("Stored SNMP facts: a versioned format of the store's own")
struct StoredFactsTests {
    @Test("facts written now read back the same, with the format's version in the row")
    func roundTrip() throws {
        let json = try #require(try StoredFacts.json(versionOneFacts))
        #expect(json.contains("\"version\":1"))
        #expect(try StoredFacts.decode(json: json).deviceFacts() == versionOneFacts)
    }

    @Test("a row written before the format had a version is version 1 and reads in full")
    func versionOne() throws {
        let stored = try StoredFacts.decode(json: versionOneRow)
        #expect(stored.version == 1)
        #expect(try stored.deviceFacts() == versionOneFacts)
    }

    @Test("rows that cannot be read are refused, not read as facts without issues", arguments: [
        #"{"adress":"192.168.1.60"}"#,
        "not json",
        versionOneRow.replacingOccurrences(of: #""kind":"printer""#, with: #""kind":"plotter""#),
        versionOneRow.replacingOccurrences(of: #""address""#, with: #""version":2,"address""#),
    ])
    func unreadable(json: String) {
        #expect(throws: (any Error).self) { try StoredFacts.decode(json: json).deviceFacts() }
    }

    @Test("an unreadable row is logged once, with its device id, at warning")
    func loggedOnce() {
        let capture = LogCapture()
        let log = UndecodableFactsLog(logger: capture.logger)
        #expect(StoredFacts.deviceFacts(json: "{}", deviceId: 7, log: log) == nil)
        #expect(StoredFacts.deviceFacts(json: "{}", deviceId: 7, log: log) == nil)
        #expect(StoredFacts.deviceFacts(json: nil, deviceId: 8, log: log) == nil, "no facts is no problem")
        #expect(capture.logged.count == 1)
        #expect(capture.logged.first?.level == .warning)
        #expect(capture.logged.first?.metadata["device.id"] == "7")
    }

    @Test("in a real database, an old-format row still shows its issues and an unreadable one is logged, not emptied silently")
    func realFile() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let old = try store.add(Device(name: "IN-01", kind: .printer, address: "127.0.0.1"), by: "t")
        let bad = try store.add(Device(name: "IN-02", kind: .printer, address: "127.0.0.2"), by: "t")
        let now = Date()
        try store.record([Observation(deviceId: old.id!, time: now, up: true, answeredBy: "snmp"),
                          Observation(deviceId: bad.id!, time: now, up: true, answeredBy: "snmp")],
                         policy: RecordingPolicy())
        // Put the rows in as an older kiemke, or a damaged file, left them.
        let unreadable = #"{"adress":"192.168.1.61","note":"\#(UUID().uuidString)"}"#
        let queue = try DatabaseQueue(path: store.path)
        try queue.write { db in
            try db.execute(sql: "UPDATE deviceState SET lastFacts = ?, lastFactsAt = ? WHERE deviceId = ?",
                           arguments: [versionOneRow, now, old.id!])
            try db.execute(sql: "UPDATE deviceState SET lastFacts = ?, lastFactsAt = ? WHERE deviceId = ?",
                           arguments: [unreadable, now, bad.id!])
            try db.execute(sql: "UPDATE observation SET facts = ? WHERE deviceId = ?", arguments: [versionOneRow, old.id!])
        }
        try queue.close()

        let states = try store.deviceStates()
        #expect(states[old.id!]?.lastFacts == versionOneFacts)
        #expect(states[bad.id!]?.lastFacts == nil)
        #expect(UndecodableFactsLog.shared.hasReported(deviceId: bad.id!, json: unreadable))
        #expect(!UndecodableFactsLog.shared.hasReported(deviceId: old.id!, json: versionOneRow))

        let attention = try StatusListing(store: store, now: now).attention
        #expect(attention.contains { $0.name == "IN-01" && $0.issue == "low toner" })
        #expect(attention.contains { $0.name == "IN-01" && $0.issue.hasPrefix("Black Toner low") })
    }

    @Test("facts recorded by the daemon are stored in the store's format and read back")
    func recorded() throws {
        let fixture = try StoreFixture()
        let device = try fixture.store.add(Device(name: "IN-01", kind: .printer, address: "127.0.0.1"), by: "t")
        try fixture.store.record([Observation(deviceId: device.id!, time: Date(), up: true, answeredBy: "snmp",
                                              facts: versionOneFacts)], policy: RecordingPolicy())
        #expect(try fixture.store.deviceStates()[device.id!]?.lastFacts == versionOneFacts)
        let stored = try DatabaseQueue(path: fixture.store.path).read { db in
            try String.fetchAll(db, sql: "SELECT lastFacts FROM deviceState UNION ALL SELECT facts FROM observation")
        }
        #expect(stored.count == 2)
        #expect(stored.allSatisfy { $0.contains("\"version\":1") })
    }
}
