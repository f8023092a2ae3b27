/// The one probe that tells, most cheaply, whether a device is there: what it answered last time.
public enum LivenessMethod: Sendable, Hashable, CustomStringConvertible {
    /// One ICMP echo sweep entry.
    case icmp
    /// One SNMP GET of sysUpTime (and, for a printer, its error state).
    case snmp
    /// One TCP connect to the port that answered.
    case tcp(port: UInt16)

    /// The cheapest probe among those that answered, as the store records them ("icmp,tcp:445,snmp"):
    /// ICMP, else SNMP, else TCP to the port that answered; nil when none did.
    ///
    /// `watchesStatus`: the device is a printer whose error state is read on every cycle, so when it
    /// answered SNMP its one GET is the probe (it says at once that it is there, rebooted or in error).
    public static func cheapest(answeredBy: String, watchesStatus: Bool = false) -> LivenessMethod? {
        var icmp = false
        var snmp = false
        var tcp: UInt16?
        for part in answeredBy.split(separator: ",") {
            let words = part.split(separator: ":", maxSplits: 1)
            switch words.first {
            case "icmp": icmp = true
            case "snmp": snmp = true
            case "tcp": tcp = words.count == 2 ? UInt16(words[1]) : nil
            default: break
            }
        }
        if snmp && watchesStatus { return .snmp }
        if icmp { return .icmp }
        if snmp { return .snmp }
        return tcp.map { .tcp(port: $0) }
    }

    public var description: String {
        switch self {
        case .icmp: "icmp"
        case .snmp: "snmp"
        case .tcp(let port): "tcp:\(port)"
        }
    }
}
