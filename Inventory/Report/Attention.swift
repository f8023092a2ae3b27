import Foundation

/// What a person should look at on one device; each language's phrase table words it.
public enum Attention: Sendable, Equatable, Hashable {
    /// Down, though it should always run, for this many whole hours.
    case longOutage(hours: Int)
    /// A printer condition the device itself reports.
    case printerCondition(PrinterCondition)
    /// A supply below the low mark; `name` is the device's own name for it and is never translated;
    /// `type` ("toner", "drum"...) and `color` ("black") are the readers' words, which a language may word.
    case lowSupply(name: String, levelPct: Int, type: String = "other", color: String? = nil)
    /// A computer's disk nearly full; `name` is the device's own name for it ("C:\", "/home").
    case diskFull(name: String, usedPct: Double)
    /// A device answering in the office's subnets that the inventory does not have (until enrolled or ignored).
    case newDevice(address: String, mac: String?)
    /// The daemon moved a device to the address it answers at now; `evidence` is "same serial X", "same MAC m".
    case addressChanged(from: String, to: String, evidence: String)
    /// One MAC claimed by more than one device or answering at more than one address; nothing was moved.
    case macConflict(mac: String, places: [String])
    /// One serial number answering at more than one address; nothing was moved.
    case serialConflict(serial: String, places: [String])

    /// The English wording that `kiemke status` and the JSON's `issue` show.
    public var english: String { EnglishPhrases().attention(self) }
}
