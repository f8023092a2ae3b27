import Foundation
import KiemkeCore

/// Addresses to sweep, from command-line words and target files: addresses and CIDR blocks.
public enum TargetList {
    /// Expands `texts` (addresses or networks) and the lines of `fileContents` ('#' starts a comment)
    /// into distinct addresses, in order.
    public static func addresses(from texts: [String], fileContents: String? = nil) throws(IPNetworkError) -> [IPAddress] {
        var words = texts
        if let fileContents {
            words += fileContents.split(whereSeparator: \.isNewline)
                .map { $0.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0] }
                .map { String($0).trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
        }
        var seen = Set<IPAddress>()
        var addresses: [IPAddress] = []
        for word in words {
            addresses += try IPNetwork(word).hosts.filter { seen.insert($0).inserted }
        }
        return addresses
    }
}
