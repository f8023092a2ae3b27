import Foundation
import KiemkeCore

/// How the readers build a `PrinterSupply` from what the MIB columns hold.
extension PrinterSupply {
    /// Builds a supply from its raw column values, applying RFC 3805's special values.
    public init(description: String?, typeCode: Int?, colorant: String?, level: Int?, maxCapacity: Int?) {
        let name = description ?? "supply"
        let levelPct: Int?
        let levelState: String?
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
        self.init(name: name, type: Self.typeName(code: typeCode, description: name),
                  color: Self.color(colorant: colorant, description: name), levelPct: levelPct,
                  levelState: levelState, level: level, maxCapacity: maxCapacity)
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
}
