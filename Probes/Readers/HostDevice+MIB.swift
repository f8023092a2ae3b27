import Foundation
import KiemkeCore

/// How the readers build a `HostDevice` from what the MIB columns hold.
extension HostDevice {
    /// hrDeviceTypes (HOST-RESOURCES-TYPES 1.3.6.1.2.1.25.3.1.N) by N.
    static let typeNames: [UInt: String] = [
        1: "other", 2: "unknown", 3: "processor", 4: "network", 5: "printer", 6: "disk_storage", 10: "video",
        11: "audio", 12: "coprocessor", 13: "keyboard", 14: "modem", 15: "parallel_port", 16: "pointing",
        17: "serial_port", 18: "tape", 19: "clock", 20: "volatile_memory", 21: "non_volatile_memory",
    ]
    static let statusNames = [1: "unknown", 2: "running", 3: "warning", 4: "testing", 5: "down"]

    static func typeName(_ oid: OID?) -> String {
        guard let code = oid?.suffix(after: "1.3.6.1.2.1.25.3.1")?.first else { return "unknown" }
        return typeNames[code] ?? "other"
    }
}
