/// One marker supply from Printer-MIB's prtMarkerSuppliesTable (RFC 3805): toner, ink, drum, waste box...
public struct PrinterSupply: Sendable, Codable, Equatable {
    /// prtMarkerSuppliesDescription as the device names it, e.g. "Toner (Cyan)".
    public var name: String
    /// A stable word for prtMarkerSuppliesType ("toner", "waste_toner", "ink", "drum"...), inferred from
    /// the name when the device says other/unknown.
    public var type: String
    /// Lower-case colour from prtMarkerColorantValue or the name; nil when neither says.
    public var color: String?
    /// Percent remaining, only when both level and maximum are real numbers; never guessed.
    public var levelPct: Int?
    /// Why `levelPct` is nil when the device said something: "some remaining" (-3) or "unknown" (-2).
    public var levelState: String?
    /// prtMarkerSuppliesLevel and prtMarkerSuppliesMaxCapacity as read.
    public var level: Int?
    public var maxCapacity: Int?

    public init(name: String, type: String, color: String?, levelPct: Int?, levelState: String?, level: Int?, maxCapacity: Int?) {
        self.name = name
        self.type = type
        self.color = color
        self.levelPct = levelPct
        self.levelState = levelState
        self.level = level
        self.maxCapacity = maxCapacity
    }

    /// Builds a supply from its raw column values, applying RFC 3805's special values.
    public init(description: String?, typeCode: Int?, colorant: String?, level: Int?, maxCapacity: Int?) {
        let name = description ?? "supply"
        self.name = name
        self.type = Self.typeName(code: typeCode, description: name)
        self.color = Self.color(colorant: colorant, description: name)
        self.level = level
        self.maxCapacity = maxCapacity
        if let level, let maxCapacity, level >= 0, maxCapacity > 0 {
            levelPct = Int((Double(min(level, maxCapacity)) * 100 / Double(maxCapacity)).rounded())
            levelState = nil
        } else {
            levelPct = nil
            switch level {
            case -3: levelState = "some remaining"
            case -2, nil: levelState = "unknown"
            case -1: levelState = "other"
            default: levelState = "unknown"   // level known but capacity unknown: no percentage
            }
        }
    }

    /// PrtMarkerSuppliesTypeTC names, index = code.
    static let typeNames: [Int: String] = [
        3: "toner", 4: "waste_toner", 5: "ink", 6: "ink_cartridge", 7: "ink_ribbon", 8: "waste_ink", 9: "drum",
        10: "developer", 11: "fuser_oil", 12: "solid_wax", 13: "ribbon_wax", 14: "waste_wax", 15: "fuser",
        16: "corona_wire", 17: "fuser_oil_wick", 18: "cleaner_unit", 19: "fuser_cleaning_pad", 20: "transfer_unit",
        21: "toner_cartridge", 22: "fuser_oiler", 23: "water", 24: "waste_water", 25: "glue_water_additive",
        26: "waste_paper", 27: "binding_supply", 28: "banding_supply", 29: "stitching_wire", 30: "shrink_wrap",
        31: "paper_wrap", 32: "staples", 33: "inserts", 34: "covers",
    ]

    /// Words in a supply's name that say its type, most specific first (for other/unknown types).
    static let typeWords: [(word: String, type: String)] = [
        ("waste toner", "waste_toner"), ("waste ink", "waste_ink"), ("waste", "waste_toner"),
        ("toner", "toner"), ("ink", "ink"), ("drum", "drum"), ("opc", "drum"), ("imaging unit", "drum"),
        ("fuser", "fuser"), ("transfer", "transfer_unit"), ("developer", "developer"), ("staple", "staples"),
        // Laser cartridges are sold as "Cartridge 719" etc.; ink ones say "ink" and matched above.
        ("cartridge", "toner"),
    ]

    static func typeName(code: Int?, description: String) -> String {
        if let code, let name = typeNames[code] { return name }
        let lowered = description.lowercased()
        return typeWords.first { lowered.contains($0.word) }?.type ?? "other"
    }

    static let colors = ["cyan", "magenta", "yellow", "black", "red", "green", "blue", "gray", "grey"]

    static func color(colorant: String?, description: String) -> String? {
        if let colorant, !colorant.isEmpty, colorant.lowercased() != "unknown" { return colorant.lowercased() }
        let words = description.lowercased().split { !$0.isLetter }.map(String.init)
        return colors.first { words.contains($0) }
    }

    enum CodingKeys: String, CodingKey {
        case name, type, color, levelPct = "level_pct", levelState = "level_state", level, maxCapacity = "max_capacity"
    }

    // Explicit nulls: a report reader should see "level_pct": null (unknown), not a missing key.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(type, forKey: .type)
        try c.encode(color, forKey: .color)
        try c.encode(levelPct, forKey: .levelPct)
        try c.encode(levelState, forKey: .levelState)
        try c.encode(level, forKey: .level)
        try c.encode(maxCapacity, forKey: .maxCapacity)
    }
}
