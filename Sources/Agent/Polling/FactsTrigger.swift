/// Why a device's facts (the full SNMP read) are read in this cycle rather than on their own clock.
public enum FactsTrigger: String, Sendable, Equatable, CaseIterable {
    /// `kiemke probe`, `probe --all`, `daemon --once`: a person asked.
    case requested
    /// Never read since the daemon knows the device.
    case never
    /// `facts_interval` has passed since the last read.
    case due
    /// The device answers again after counting as down (or off).
    case cameBack = "came back"
    /// sysUpTime went backwards: it restarted.
    case rebooted
    /// Its printer error state or status turned to an error it did not report before.
    case printerError = "printer error"
}
