import KiemkeCore

/// One found device in the proposal: what was found, how it relates to the inventory, the name proposed.
public struct ProposalEntry: Sendable, Equatable {
    /// Whether the inventory already has it.
    public enum Status: String, Sendable, Codable {
        /// Not in the inventory.
        case new
        /// In the inventory at this address.
        case known
        /// An inventory device (same serial or MAC) seen at another address.
        case moved
    }

    public var finding: SweepFinding
    public var status: Status
    /// The inventory device's name (known, moved), nil for a new one.
    public var inventoryName: String?
    /// For a moved device: the address the inventory has.
    public var inventoryAddress: String?
    /// The name proposed for a new device, continuing the inventory's numbering ("PC-25").
    public var proposedName: String?
    /// Why it is not simply new or known: conflicts a person should look at (never resolved silently).
    public var conflicts: [String]

    public init(finding: SweepFinding, status: Status, inventoryName: String? = nil, inventoryAddress: String? = nil,
                proposedName: String? = nil, conflicts: [String] = []) {
        self.finding = finding
        self.status = status
        self.inventoryName = inventoryName
        self.inventoryAddress = inventoryAddress
        self.proposedName = proposedName
        self.conflicts = conflicts
    }
}
