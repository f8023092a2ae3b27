import KiemkeCore
import Probes

/// How a sweep probes: its pace, waits, ports and SNMP credentials.
public struct SweepOptions: Sendable {
    /// Packets per second across ICMP, TCP and SNMP together.
    public var packetsPerSecond: Int
    /// How long to wait for each answer.
    public var timeout: Duration
    /// Echo requests per address (an address is live on any reply). Three, as the daemon's pinger: on a
    /// link losing 2.5% each way a try fails 5% of the time, two tries miss one device in 400, three
    /// one in 8,000 — and a device that answers only ping has no other way to be found.
    public var pingTries: Int
    /// The TCP ports asked of every device found, to know them all: every kind's common ports.
    public var tcpPorts: [UInt16]
    /// The TCP ports that find devices that drop ping, asked of every address silent to ping. Fewer than
    /// `tcpPorts`: each is a packet to every empty address of the range, which is most of a sweep's
    /// packets and so of its time at a set rate (nine ports made a /16 half again as slow as `nmap -sn`).
    public var findingPorts: [UInt16]
    /// SNMP credentials tried in order on every live address; the first that answers is kept.
    public var credentials: [SNMPSettings]
    /// The caps of the full SNMP read of each device found.
    public var readLimits: ReadLimits

    public init(packetsPerSecond: Int = 1_000, timeout: Duration = .milliseconds(500), pingTries: Int = 3,
                tcpPorts: [UInt16] = DeviceKind.allCommonTCPPorts, findingPorts: [UInt16] = DeviceKind.findingTCPPorts,
                credentials: [SNMPSettings] = [SNMPSettings()], readLimits: ReadLimits = .standard) {
        self.packetsPerSecond = packetsPerSecond
        self.timeout = timeout
        self.pingTries = pingTries
        self.tcpPorts = tcpPorts
        self.findingPorts = findingPorts
        self.credentials = credentials
        self.readLimits = readLimits
    }
}
