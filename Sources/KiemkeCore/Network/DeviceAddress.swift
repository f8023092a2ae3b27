/// Checks a device's address as people type it: an IPv4 or IPv6 literal, or empty for equipment
/// with no network (a USB scanner). The parsing itself is `IPAddress`'s: one parser everywhere.
public enum DeviceAddress {
    /// What every "not an address" message says a valid one looks like.
    public static let expected = "expected an IPv4 or IPv6 address such as 192.168.1.20 (leave it empty for a device with no network)"

    /// Why `text` is not a usable device address, or nil when it is.
    public static func problem(with text: String) -> String? {
        if text.isEmpty || IPAddress(text) != nil { return nil }
        return expected
    }
}
