import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Checks the address column: an IPv4 or IPv6 literal, or empty for equipment with no network.
public enum DeviceAddress {
    /// Why `text` is not a usable device address, or nil when it is.
    public static func problem(with text: String) -> String? {
        if text.isEmpty { return nil }
        var v4 = in_addr()
        var v6 = in6_addr()
        if inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1 { return nil }
        return "expected an IPv4 or IPv6 address such as 192.168.1.20 (leave it empty for a device with no network)"
    }
}
