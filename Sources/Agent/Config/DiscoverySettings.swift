import Discovery

/// `[discovery]`: the office's own subnets, swept on a schedule, and how politely every sweep probes.
public struct DiscoverySettings: Sendable, Equatable {
    /// Subnets or ranges the daemon sweeps each `interval`; empty (the default) means no scheduled sweep.
    public var networks: [String] = []
    /// How often the daemon sweeps `networks`.
    public var interval: Duration = .seconds(86_400)
    /// Packets per second across ICMP, TCP and SNMP.
    public var rate = 1_000
    /// The most addresses one run sweeps without `--yes` (a /20 fits, a /16 does not).
    public var maxAddresses = 4_096
    /// How long to wait for each answer.
    public var timeout: Duration = .milliseconds(500)
    /// SNMP v1/v2c communities tried in order (`@NAME` for the secrets file's); the `[snmp]` community when empty.
    public var communities: [String] = []

    public init() {}
}
