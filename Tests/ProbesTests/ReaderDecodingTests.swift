import Probes
import Testing
import KiemkeCore

/// RFC special values and bitmasks decoded without guessing.
struct ReaderDecodingTests {
    @Test("hrPrinterDetectedErrorState: bit 0 is the MSB of the first byte", arguments: [
        ([UInt8](), [String]()),
        ([0x00], []),
        ([0x80], ["low paper"]),
        ([0x01, 0x00], ["service requested"]),
        ([0x24], ["low toner", "jammed"]),
        ([0x12, 0x80], ["no toner", "offline", "input tray missing"]),
        ([0x0A], ["door open", "offline"]),
        ([0x00, 0x02], ["overdue preventive maintenance"]),
    ])
    func errorState(bytes: [UInt8], conditions: [String]) {
        #expect(PrinterErrorState.conditions(bytes) == conditions)
    }

    @Test("Supply level: a percentage only from a real level and maximum", arguments: [
        (76, 100, 76, nil as String?),
        (11501, 12000, 96, nil),
        (-3, 100, nil, "some remaining"),
        (-3, -2, nil, "some remaining"),
        (-2, 100, nil, "unknown"),
        (50, -1, nil, "unknown"),
        (50, -2, nil, "unknown"),
        (0, 100, 0, nil),
    ] as [(Int, Int, Int?, String?)])
    func supplyLevel(level: Int, max: Int, pct: Int?, state: String?) {
        let supply = PrinterSupply(description: "Toner", typeCode: 3, colorant: nil, level: level, maxCapacity: max)
        #expect(supply.levelPct == pct)
        #expect(supply.levelState == state)
    }

    @Test("Supply type from prtMarkerSuppliesType, else from its name; colour from colorant, else name")
    func supplyTypeAndColour() {
        #expect(PrinterSupply(description: "Canon Cartridge 719", typeCode: 1, colorant: nil, level: 1, maxCapacity: 2).type == "toner")
        #expect(PrinterSupply(description: "Waste Toner Box", typeCode: nil, colorant: nil, level: 1, maxCapacity: 2).type == "waste_toner")
        #expect(PrinterSupply(description: "Black Ink", typeCode: 5, colorant: nil, level: 1, maxCapacity: 2).color == "black")
        #expect(PrinterSupply(description: "Toner 1", typeCode: 3, colorant: "Magenta", level: 1, maxCapacity: 2).color == "magenta")
        #expect(PrinterSupply(description: "Fuser Kit", typeCode: 15, colorant: nil, level: 1, maxCapacity: 2).color == nil)
    }

    @Test("OIDs parse, compare and nest")
    func oids() {
        #expect(OID(parsing: ".1.3.6.1") == OID([1, 3, 6, 1]))
        #expect(OID(parsing: "1.3.x") == nil)
        #expect(OID("1.3.6.1.2.1.1.1.0").isDescendant(of: "1.3.6.1.2.1.1"))
        #expect(!OID("1.3.6.1.2.1.10").isDescendant(of: "1.3.6.1.2.1.1"))
        #expect(OID("1.3.6.1.2.1.2") < OID("1.3.6.1.2.1.10"))
    }
}
