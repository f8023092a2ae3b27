/// Why the store keeps a device: it is the office's equipment, or it stands for the internet link.
public enum DeviceRole: String, Codable, Sendable, CaseIterable {
    /// Counted in the inventory and the report's equipment figures.
    case equipment
    /// An internet address from the config's `report.internet_targets`, probed to measure the
    /// office's internet link; never counted as equipment.
    case internetLink
}
