import Discovery
import KiemkeCore
import Testing

/// Names proposed in the office's style, and how findings relate to the inventory.
@Suite("Proposals: names in the office's style, known/moved/new, conflicts listed")
struct ProposalTests {
    @Test("the next names", arguments: [
        // The office's prefix and padding continue after the highest number, retired ones included.
        ([("PC-07", DeviceKind.computer), ("PC-24", .computer), ("MÁY IN-03", .printer)], DeviceKind.computer, ["PC-25", "PC-26"]),
        ([("PC-07", .computer)], .printer, ["MÁY IN-01", "MÁY IN-02"]),
        ([("CAM 003", .camera)], .camera, ["CAM 004", "CAM 005"]),
        // The prefix most devices of the kind use wins.
        ([("PC-01", .computer), ("PC-02", .computer), ("LAPTOP-09", .computer)], .computer, ["PC-03", "PC-04"]),
        // A name in use under another kind is never proposed again.
        ([("KHÁC-01", .other), ("KHÁC-02", .network)], .other, ["KHÁC-03", "KHÁC-04"]),
        ([("máy in-01", .camera), ("MÁY IN-01", .printer)], .printer, ["MÁY IN-02", "MÁY IN-03"]),
        ([], .scanner, ["SCAN-01", "SCAN-02"]),
        ([("PC-99", .computer)], .computer, ["PC-100", "PC-101"]),
    ])
    func naming(_ existing: [(String, DeviceKind)], _ kind: DeviceKind, _ expected: [String]) {
        var naming = DeviceNaming(existing: existing.map { (name: $0.0, kind: $0.1) })
        #expect([naming.next(for: kind), naming.next(for: kind)] == expected)
    }

    static let printer = KnownDevice(name: "MÁY IN-01", kind: .printer, address: "10.0.0.11", macs: ["00:00:00:00:00:11"], serial: "SER11")
    static let pc = KnownDevice(name: "PC-01", kind: .computer, address: "10.0.0.14")

    static func found(_ address: String, kind: DeviceKind = .other, mac: String? = nil, serial: String? = nil) -> SweepFinding {
        SweepFinding(address: IPAddress(address)!, mac: mac, kind: kind, serial: serial)
    }

    struct Case: Sendable, CustomStringConvertible {
        var label: String
        var findings: [SweepFinding]
        var inventory: [KnownDevice]
        var status: ProposalEntry.Status
        var name: String? = nil
        var proposed: String? = nil
        var conflict = false
        var description: String { label }
    }

    static let cases: [Case] = [
        Case(label: "known at its address", findings: [found("10.0.0.14", kind: .computer)], inventory: [printer, pc], status: .known, name: "PC-01"),
        Case(label: "moved on its serial", findings: [found("10.0.0.41", kind: .printer, serial: "SER11")], inventory: [printer, pc],
             status: .moved, name: "MÁY IN-01"),
        Case(label: "moved on its MAC", findings: [found("10.0.0.41", kind: .printer, mac: "00:00:00:00:00:11")], inventory: [printer],
             status: .moved, name: "MÁY IN-01"),
        Case(label: "new, named after the inventory", findings: [found("10.0.0.50", kind: .computer)], inventory: [printer, pc],
             status: .new, proposed: "PC-02"),
        Case(label: "old address answers too: conflict, no name",
             findings: [found("10.0.0.11", kind: .printer, serial: "SER11"), found("10.0.0.41", kind: .printer, serial: "SER11")],
             inventory: [printer], status: .new, conflict: true),
        Case(label: "another's serial at a known address: conflict", findings: [found("10.0.0.14", kind: .computer, serial: "SER11")],
             inventory: [printer, pc], status: .known, name: "PC-01", conflict: true),
    ]

    @Test("status, name and conflicts", arguments: cases)
    func builds(_ c: Case) throws {
        let naming = DeviceNaming(existing: c.inventory.map { (name: $0.name, kind: $0.kind) })
        let entry = try #require(ProposalBuilder.build(c.findings, inventory: c.inventory, naming: naming).last)
        #expect(entry.status == c.status)
        #expect(entry.inventoryName == c.name)
        #expect(entry.proposedName == c.proposed)
        #expect(entry.conflicts.isEmpty != c.conflict, "\(entry.conflicts)")
    }

    @Test("new devices get distinct names in one proposal")
    func distinctNames() {
        let findings = (1...3).map { Self.found("10.0.0.\(100 + $0)", kind: .computer) }
        let entries = ProposalBuilder.build(findings, inventory: [Self.pc], naming: DeviceNaming(existing: [(name: "PC-01", kind: .computer)]))
        #expect(entries.map(\.proposedName) == ["PC-02", "PC-03", "PC-04"])
    }
}
