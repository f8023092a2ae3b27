import KiemkeCore
/// What probing one device found: whether it answered, to which probes, and how fast.
public struct DeviceProbeResult: Sendable, Equatable {
    public var target: ProbeTarget
    /// The probes that got an answer, in the order icmp, tcp, snmp.
    public var answeredBy: [ProbeMethod]
    /// The TCP port that answered (accepted or refused), when TCP did.
    public var tcpPort: UInt16?
    /// Round-trip time: ICMP's when it answered, else the TCP connect's.
    public var rttMs: Double?
    /// Why each probe that failed did ("icmp: timeout; tcp: timeout").
    public var failures: [ProbeMethod: String]
    public var ping: PingResult?
    public var tcp: TCPResult?
    /// What SNMP said about the device, when it answered a full read.
    public var facts: DeviceFacts?
    /// What the liveness SNMP GET said (uptime, a printer's error state), when it answered one.
    public var status: StatusReading?

    /// A result as the prober makes it (tests make their own).
    public init(target: ProbeTarget, answeredBy: [ProbeMethod], tcpPort: UInt16? = nil, rttMs: Double? = nil,
                failures: [ProbeMethod: String], ping: PingResult? = nil, tcp: TCPResult? = nil,
                facts: DeviceFacts? = nil, status: StatusReading? = nil) {
        self.target = target
        self.answeredBy = answeredBy
        self.tcpPort = tcpPort
        self.rttMs = rttMs
        self.failures = failures
        self.ping = ping
        self.tcp = tcp
        self.facts = facts
        self.status = status
    }

    /// Takes in what the TCP connect found: an answer (its port, and its round trip when ICMP gave
    /// none) or the reason it failed. The full read and the liveness check both record it so.
    mutating func record(tcp connect: TCPResult) {
        tcp = connect
        if connect.up {
            answeredBy.append(.tcp)
            tcpPort = connect.port
            if rttMs == nil { rttMs = connect.rttMs }
        } else {
            failures[.tcp] = connect.reason ?? "no answer"
        }
    }

    /// Whether any probe got an answer: Windows PCs drop ping but answer on 445 or 3389.
    public var up: Bool { !answeredBy.isEmpty }

    /// A one-line reason for a device that is down (or a probe that failed), for logs and the store.
    public var failureSummary: String? {
        guard !failures.isEmpty else { return nil }
        return failures.sorted { $0.key < $1.key }.map { "\($0.key.rawValue): \($0.value)" }.joined(separator: "; ")
    }

    /// "icmp,tcp:445,snmp": how the store records who answered.
    public var answeredByText: String {
        answeredBy.map { $0 == .tcp ? "tcp:\(tcpPort.map(String.init) ?? "?")" : $0.rawValue }.joined(separator: ",")
    }
}
