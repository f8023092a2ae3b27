/// One Printer-MIB prtInputTable row: a paper tray and what it holds (RFC 3805).
public struct InputTray: Sendable, Equatable {
    /// prtInputName ("Tray 1", "Bypass", "Roll Unit 1").
    public var name: String?
    /// prtInputMediaName ("A4", "A3", "Letter").
    public var mediaName: String?
    /// prtInputMediaDimFeedDirDeclared and ...XFeedDirDeclared in `dimensionUnit`; negative means unknown.
    public var feedDimension: Int?
    public var crossFeedDimension: Int?
    /// prtInputDimUnit: 3 ten-thousandths of an inch, 4 micrometres.
    public var dimensionUnit: Int?
    /// prtInputMaxCapacity in sheets (negative: unknown).
    public var maxCapacity: Int?

    public init(name: String? = nil, mediaName: String? = nil, feedDimension: Int? = nil,
                crossFeedDimension: Int? = nil, dimensionUnit: Int? = nil, maxCapacity: Int? = nil) {
        self.name = name
        self.mediaName = mediaName
        self.feedDimension = feedDimension
        self.crossFeedDimension = crossFeedDimension
        self.dimensionUnit = dimensionUnit
        self.maxCapacity = maxCapacity
    }

    /// The declared media size in millimetres (short side, long side), when both sides and the unit are known.
    public var sizeMillimetres: (short: Double, long: Double)? {
        guard let feed = feedDimension, let cross = crossFeedDimension, feed > 0, cross > 0 else { return nil }
        let perMillimetre: Double
        switch dimensionUnit {
        case 3: perMillimetre = 10_000 / 25.4
        case 4: perMillimetre = 1_000
        default: return nil
        }
        let a = Double(feed) / perMillimetre, b = Double(cross) / perMillimetre
        return (min(a, b), max(a, b))
    }

    /// A roll (plotters, label printers): its size says nothing about a copier.
    public var isRoll: Bool { (name ?? "").lowercased().contains("roll") }

    /// A sheet tray that takes A3 or larger (A3 is 297 x 420 mm; Ledger 279 x 432 mm).
    public var takesA3: Bool {
        guard !isRoll else { return false }
        if let size = sizeMillimetres, size.short >= 270, size.long >= 400 { return true }
        guard let media = mediaName?.lowercased() else { return false }
        let words = media.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        return words.contains { ["a3", "sra3", "a2", "a1", "a0", "ledger", "tabloid", "11x17"].contains($0) }
            || media.contains("11x17") || media.contains("11 x 17")
    }
}
