import Foundation
import KiemkeCore

/// The kiemke host's neighbour (ARP) table: which MAC answered at each address on its own segments.
///
/// Read from `/proc/net/arp`, which the kernel fills as the host talks to its neighbours (a sweep
/// fills it), so it names devices that say nothing over SNMP. IPv4 only.
public enum NeighbourTable {
    /// The complete entries of `/proc/net/arp` (or `contents`), address to MAC; empty when unreadable.
    public static func read(contents: String? = nil) -> [IPAddress: String] {
        guard let text = contents ?? (try? String(contentsOfFile: "/proc/net/arp", encoding: .utf8)) else { return [:] }
        var table: [IPAddress: String] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(whereSeparator: \.isWhitespace)
            // IP address, HW type, Flags, HW address, Mask, Device; flag 0x2 is a complete entry.
            guard fields.count >= 4, let address = IPAddress(String(fields[0])),
                  let flags = UInt32(fields[2].dropFirst(2), radix: 16), flags & 0x2 != 0,
                  let mac = normalizedMAC(String(fields[3])) else { continue }
            table[address] = mac
        }
        return table
    }

    /// `aa:bb:cc:dd:ee:ff` from six octets written with ':' or '-' (or none), any case; nil for
    /// anything else and for the all-zero and broadcast MACs, which name no device.
    public static func normalizedMAC(_ text: String) -> String? {
        let hex = text.lowercased().filter { $0 != ":" && $0 != "-" && $0 != "." }
        guard hex.count == 12, hex.allSatisfy(\.isHexDigit) else { return nil }
        guard hex != "000000000000", hex != "ffffffffffff" else { return nil }
        var pairs: [String] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            pairs.append(String(hex[index..<next]))
            index = next
        }
        return pairs.joined(separator: ":")
    }
}
