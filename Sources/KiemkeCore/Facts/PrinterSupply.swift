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
