/// A way a device can answer a probe.
public enum ProbeMethod: String, Sendable, Codable, CaseIterable, Comparable {
    case icmp, tcp, snmp

    public static func < (lhs: ProbeMethod, rhs: ProbeMethod) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
