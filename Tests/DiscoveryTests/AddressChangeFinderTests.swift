import Discovery
import KiemkeCore
import Testing

/// Whether a silent inventory device is the one answering elsewhere: moved only on evidence that points at
/// one address and back at that device only; everything else is a conflict or nothing.
@Suite("Address changes: moved only on unambiguous evidence")
struct AddressChangeFinderTests {
    static let printer = KnownDevice(name: "MÁY IN-01", kind: .printer, address: "10.0.0.11", macs: ["00:00:00:00:00:11"], serial: "SER11")
    static let camera = KnownDevice(name: "CAM-01", kind: .camera, address: "10.0.0.13", macs: ["00:00:00:00:00:13"], serial: "SER13")
    static let pc = KnownDevice(name: "PC-01", kind: .computer, address: "10.0.0.14", macs: ["00:00:00:00:00:14"])
    /// A v3 switch known by nothing but its engine ID (no serial, no MAC recorded).
    static let v3 = KnownDevice(name: "MẠNG-01", kind: .network, address: "10.0.0.15", engineID: "80001f8880aabbccdd")

    static func found(_ address: String, mac: String? = nil, serial: String? = nil, engineID: String? = nil) -> SweepFinding {
        SweepFinding(address: IPAddress(address)!, mac: mac, serial: serial, engineID: engineID)
    }

    @Test("decisions", arguments: [
        // Same serial at one new address: moved, the serial named as evidence.
        ("serial", [printer], [found("10.0.0.41", serial: "ser11 ")], [printer, camera],
         AddressChangeFinder.Decision.move(device: "MÁY IN-01", from: "10.0.0.11", to: IPAddress("10.0.0.41")!, evidence: "same serial ser11")),
        // Same MAC, no serial read: moved on the MAC.
        ("mac", [pc], [found("10.0.0.40", mac: "00:00:00:00:00:14")], [printer, pc],
         .move(device: "PC-01", from: "10.0.0.14", to: IPAddress("10.0.0.40")!, evidence: "same MAC 00:00:00:00:00:14")),
        // Known only by its SNMPv3 engine ID: moved on it.
        ("engine ID", [v3], [found("10.0.0.45", engineID: "80001f8880aabbccdd")], [printer, v3],
         .move(device: "MẠNG-01", from: "10.0.0.15", to: IPAddress("10.0.0.45")!, evidence: "same SNMP engine ID 80001f8880aabbccdd")),
        // Another engine ID: not the same device.
        ("other engine ID", [v3], [found("10.0.0.45", engineID: "80001f8880aabbccee")], [v3], .notFound(device: "MẠNG-01")),
        // Nothing of it anywhere: its outage counts.
        ("absent", [printer], [found("10.0.0.41", serial: "OTHER")], [printer], .notFound(device: "MÁY IN-01")),
        // Its own address answered the sweep after all: back, not moved.
        ("back", [printer], [found("10.0.0.11", serial: "SER11"), found("10.0.0.41", serial: "SER11")], [printer], .notFound(device: "MÁY IN-01")),
        // The serial at two addresses: a conflict naming both.
        ("serial twice", [printer], [found("10.0.0.41", serial: "SER11"), found("10.0.0.42", serial: "SER11")], [printer],
         .conflict(device: "MÁY IN-01", .serial("SER11", places: ["10.0.0.41", "10.0.0.42"]))),
        // Its MAC claimed by a second inventory device: a conflict naming both, nothing moved.
        ("mac claimed twice", [printer], [found("10.0.0.41", mac: "00:00:00:00:00:11")],
         [printer, KnownDevice(name: "PC-09", kind: .computer, address: "10.0.0.19", macs: ["00:00:00:00:00:11"])],
         .conflict(device: "MÁY IN-01", .mac("00:00:00:00:00:11", places: ["MÁY IN-01", "PC-09"]))),
        // Its serial answering at another inventory device's address: a conflict, never a takeover.
        ("at another's address", [printer], [found("10.0.0.13", serial: "SER11")], [printer, camera],
         .conflict(device: "MÁY IN-01", .serial("SER11", places: ["10.0.0.13 (CAM-01)"]))),
    ])
    func decides(_ label: String, _ missing: [KnownDevice], _ findings: [SweepFinding], _ inventory: [KnownDevice],
                 _ expected: AddressChangeFinder.Decision) {
        #expect(AddressChangeFinder.decide(missing: missing, findings: findings, inventory: inventory) == [expected], "\(label)")
    }

    @Test("conflicts in a sweep", arguments: [
        ([found("10.0.0.41", serial: "S1"), found("10.0.0.42", serial: "s1")], [KnownDevice](),
         [IdentityConflict.serial("S1", places: ["10.0.0.41", "10.0.0.42"])]),
        ([found("10.0.0.41", mac: "00:00:00:00:00:11")], [printer, KnownDevice(name: "PC-09", kind: .computer, address: "10.0.0.19", macs: ["00:00:00:00:00:11"])],
         [.mac("00:00:00:00:00:11", places: ["MÁY IN-01", "PC-09"])]),
        ([found("10.0.0.41", mac: "00:00:00:00:00:21"), found("10.0.0.42", mac: "00:00:00:00:00:21")], [],
         [.mac("00:00:00:00:00:21", places: ["10.0.0.41", "10.0.0.42"])]),
        ([found("10.0.0.41", mac: "00:00:00:00:00:11", serial: "SER11")], [printer], []),
    ])
    func conflicts(_ findings: [SweepFinding], _ inventory: [KnownDevice], _ expected: [IdentityConflict]) {
        #expect(IdentityConflict.find(in: findings, inventory: inventory) == expected)
    }
}
