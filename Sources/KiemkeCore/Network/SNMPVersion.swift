import Foundation

/// The SNMP protocol version a device, the office default or a probe asks for.
///
/// The raw values are what the device list, the config and the database hold ("1", "2c", "3"),
/// so the one type serves every layer: the store persists it and the probes speak it.
public enum SNMPVersion: String, Codable, Sendable, Hashable, CaseIterable {
    case v1 = "1", v2c = "2c", v3 = "3"

    /// Parses "1", "2c", "v2c", "3" ... as people write them.
    public init?(parsing text: String) {
        let t = text.lowercased().trimmingCharacters(in: .whitespaces)
        let bare = t.hasPrefix("v") ? String(t.dropFirst()) : t
        switch bare {
        case "1": self = .v1
        case "2", "2c": self = .v2c
        case "3": self = .v3
        default: return nil
        }
    }
}
