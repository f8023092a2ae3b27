import KiemkeCore
@testable import Probes
import Testing
import TestSupport

/// Wrong types and extreme values for every OID the readers interpret: the read never crashes, never
/// takes longer than its deadline, and never turns a value it cannot trust into a number.
// Serialized: 1,700 reads at once would starve the suites that time a real agent on this 2-core machine.
@Suite("Hostile agent: wrong types and extreme values for every interpreted OID", .serialized)
struct HostileValueMatrixTests {
    typealias Value = HostileBER.Value

    /// Every OID the readers interpret (scalars as they are, columns at row 1 or row 1.1).
    static let targets: [[UInt]] = {
        let scalars = KnownOIDs.system.map(\.components)
        let hostRows = KnownOIDs.hostResources.map { $0.components + [1] }
        let printerRows = KnownOIDs.printer.map { oid -> [UInt] in
            // Printer-MIB tables are indexed by (hrDeviceIndex, row); prtGeneral and ENTITY by one number.
            let twoPart = oid.isDescendant(of: "1.3.6.1.2.1.43.10") || oid.isDescendant(of: "1.3.6.1.2.1.43.11")
                || oid.isDescendant(of: "1.3.6.1.2.1.43.12")
            return oid.components + (twoPart ? [1, 1] : [1])
        }
        let interfaceRows = KnownOIDs.interfaces.map { $0.components + [1] }
        let vendor = KnownOIDs.vendorScalars.map(\.oid.components)
        return scalars + hostRows + printerRows + interfaceRows + vendor
    }()

    /// Values no agent should send for these objects, and extremes of the ones it may.
    static let values: [Value] = [
        .integer(Int64(Int32.min)), .integer(Int64(Int32.max)), .integer(-1), .integer(1 << 40), .integer(Int64.min),
        .integerBytes(Array(repeating: 0xFF, count: 9)), .counter32(1 << 32 | 5), .counter64(1 << 62), .counter64(UInt64.max),
        .raw(tag: 0x41, content: [0x80]), .octets(Array(repeating: 0x41, count: 9_000)), .octets([0xFF, 0xFE, 0x00, 0xC3]),
        .oid([1, 3]), .oid(Array(repeating: UInt(UInt32.max), count: 100)), .ipAddress([1, 2, 3]), .null,
        .noSuchInstance, .endOfMibView,
    ]

    @Test("One object with each hostile value", arguments: targets)
    func matrix(oid: [UInt]) async throws {
        for value in Self.values {
            let agent = HostileAgent(mib: HostileMIB.printer.setting(oid, to: value))
            let limits = ReadLimits(deadline: .seconds(3))
            let (result, _) = try await Hostile.read(agent, limits: limits)
            // Measured at the agent: the test process's own scheduling on a loaded machine cannot blur it.
            #expect(agent.requestSpan < 3.5, "\(oid) = \(value): asked for \(agent.requestSpan) s")
            switch result {
            case .success(let facts):
                let broken = Hostile.checkInvariants(facts)
                #expect(broken.isEmpty, "\(oid) = \(value): \(broken)")
            case .failure(let error):
                // Only a value that breaks the first GET itself may fail the read (net-snmp rejects the message).
                #expect(Hostile.system.contains(oid), "\(oid) = \(value): \(error)")
            }
        }
    }

    @Test("A toner level sent as 2^40 is unknown, never 0 %")
    func wideTonerLevel() async throws {
        let level: [UInt] = [1, 3, 6, 1, 2, 1, 43, 11, 1, 1, 9, 1, 1]
        for value: Value in [.integer(1 << 40), .integer(1 << 32), .integerBytes([0x01, 0x00, 0x00, 0x00, 0x00])] {
            let agent = HostileAgent(mib: HostileMIB.printer.setting(level, to: value))
            let facts = try await Hostile.read(agent).result.get()
            let supply = try #require(facts.supplies.first)
            #expect(supply.level == nil)
            #expect(supply.levelPct == nil)
            #expect(supply.levelState == "unknown")
        }
    }

    @Test("A non-minimal encoding of a small INTEGER is still that number")
    func paddedInteger() async throws {
        let level: [UInt] = [1, 3, 6, 1, 2, 1, 43, 11, 1, 1, 9, 1, 1]
        let agent = HostileAgent(mib: HostileMIB.printer.setting(level, to: .integerBytes([0x00, 0x00, 0x00, 0x09, 0x60])))
        let facts = try await Hostile.read(agent).result.get()
        #expect(facts.supplies.first?.level == 2_400)
        #expect(facts.supplies.first?.levelPct == 80)
    }

    @Test("hrStorage units, size and used as Counter64 of 2^62 and more: unknown sizes, no overflow")
    func hugeStorage() async throws {
        var mib = HostileMIB.printer
        for column: UInt in [4, 5, 6] {
            mib = mib.setting([1, 3, 6, 1, 2, 1, 25, 2, 3, 1, column, 1], to: .counter64(column == 4 ? 1 << 20 : 1 << 62))
        }
        let facts = try await Hostile.read(HostileAgent(mib: mib)).result.get()
        let area = try #require(facts.storage.first)
        #expect(area.sizeBytes == nil)
        #expect(area.usedBytes == nil)
        #expect(area.usedPct == 100)
    }

    @Test("A 60 KB hrPrinterDetectedErrorState gives at most RFC 3805's 16 conditions, with a note")
    func hugeErrorState() async throws {
        let mib = HostileMIB.printer.setting([1, 3, 6, 1, 2, 1, 25, 3, 5, 1, 2, 1], to: .octets(Array(repeating: 0xFF, count: 60_000)))
        let facts = try await Hostile.read(HostileAgent(mib: mib)).result.get()
        #expect(facts.conditions.count == 16)
        #expect(facts.notes.contains { $0.contains("hrPrinterDetectedErrorState") })
    }

    @Test("StorageArea: sizes times units that overflow are unknown", arguments: [
        (Int64(4_096), Int64(1_000), Int64(250), Int64(4_096_000) as Int64?, 25.0 as Double?),
        (Int64(1) << 20, Int64(1) << 62, Int64(1) << 61, nil, 50.0),
        (Int64(Int32.max), Int64.max, Int64.max, nil, 100.0),
        (Int64(1), Int64(-5), Int64(1), nil, nil),
        (Int64(1), Int64(10), Int64(20), 10, nil),
    ] as [(Int64, Int64, Int64, Int64?, Double?)])
    func storageArithmetic(units: Int64, size: Int64, used: Int64, sizeBytes: Int64?, usedPct: Double?) {
        let area = StorageArea(description: "/", typeOID: nil, units: units, size: size, used: used)
        #expect(area.sizeBytes == sizeBytes)
        #expect(area.usedPct == usedPct)
    }
}
