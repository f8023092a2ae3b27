import Foundation
import GRDB
import Inventory
import KiemkeCore
import Testing
import TestSupport

/// `Device.init(row:)` reads columns by hand (the daemon rereads the device list every few seconds):
/// whatever the store writes must come back equal, every optional set and unset.
@Suite("Device rows: what the store writes reads back equal")
struct DeviceRowTests {
    static let devices: [Device] = [
        Device(name: "PC-01", kind: .computer, address: "192.0.2.10"),
        Device(name: "Máy photo tầng 2", kind: .copier, address: "2001:db8::7", location: "Phòng một cửa", note: "Ricoh, thuê",
               snmpVersion: .v3, snmpCommunity: "@may-in", snmpPort: 1161, schedule: .always, pollInterval: 90,
               createdAt: Date(timeIntervalSince1970: 1_700_000_000.123), enteredAt: Date(timeIntervalSince1970: 1_750_000_000)),
        Device(name: "SCAN-01", kind: .scanner, address: "", snmpVersion: .v2c, schedule: .office),
    ]

    @Test("each field reads as GRDB's Decodable path reads it", arguments: devices)
    func sameAsDecodable(_ device: Device) throws {
        let folder = TemporaryDirectory()
        let store = try InventoryStore(path: folder.path("kiemke.sqlite"))
        let added = try store.add(device, by: "test")
        _ = try store.retire(named: device.name)
        let queue = try DatabaseQueue(path: folder.path("kiemke.sqlite"))
        defer { try? queue.close() }
        let row = try #require(try queue.read { try Row.fetchOne($0, sql: "SELECT * FROM device") })
        let byHand = try Device(row: row)
        #expect(byHand == (try FetchableRecordDecoder().decode(Device.self, from: row)))
        #expect(byHand.uuid == added.uuid && byHand.name == device.name && byHand.snmpPort == device.snmpPort)
        #expect(byHand.retiredAt != nil)
    }

    @Test("a kind this kiemke does not know is an error naming the column, not a crash")
    func unknownKind() throws {
        let folder = TemporaryDirectory()
        let store = try InventoryStore(path: folder.path("kiemke.sqlite"))
        _ = try store.add(Device(name: "PC-01", kind: .computer, address: "192.0.2.10"), by: "test")
        let queue = try DatabaseQueue(path: folder.path("kiemke.sqlite"))
        try queue.write { try $0.execute(sql: "UPDATE device SET kind = 'toaster'") }
        try queue.close()
        #expect {
            _ = try store.devices()
        } throws: { error in
            "\(error)".contains("device.kind") && "\(error)".contains("toaster")
        }
    }
}
