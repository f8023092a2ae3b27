import Logging
import KiemkeCore

/// Probes many devices at once by ICMP and TCP, and tells for each whether it is there.
///
/// When no ICMP socket can be opened, the prober says why once (`pingUnavailable`) and goes
/// on with TCP, so an unprivileged install still sees every device that has an open port.
public final class DeviceProber: Sendable {
    public struct Options: Sendable, Equatable {
        public var ping: PingOptions
        public var tcpTimeout: Duration
        /// Devices probed at once: bounds the TCP connects in flight and the SNMP sessions open (so each
        /// can hold this many descriptors; see `SNMPEngine` and `ResourceLimits`).
        public var concurrency: Int
        /// The deadline and caps of each SNMP read.
        public var readLimits: ReadLimits

        public init(ping: PingOptions = PingOptions(), tcpTimeout: Duration = .seconds(1),
                    concurrency: Int = SNMPEngine.defaultConcurrency, readLimits: ReadLimits = .standard) {
            self.ping = ping
            self.tcpTimeout = tcpTimeout
            self.concurrency = concurrency
            self.readLimits = readLimits
        }
    }

    public let options: Options
    let pinger: Pinger?
    /// Why ICMP is not used, when it is not.
    public let pingUnavailable: PingError?
    let tcp: TCPProber
    let reader: DeviceReader?
    /// Why SNMP is not used, when it is not.
    public let snmpUnavailable: SNMPError?

    public init(options: Options = Options(), logger: Logger = Logger(label: "kiemke.probe")) {
        self.options = options
        do {
            pinger = try Pinger(options: options.ping, logger: logger)
            pingUnavailable = nil
        } catch {
            pinger = nil
            pingUnavailable = error
            // `pingUnavailable` carries it to the application, which decides what the operator sees.
            logger.debug("ICMP is not available", metadata: ["error": "\(error)"])
        }
        // The same descriptor budget as the SNMP sessions beside it (ResourceLimits raises the limit once).
        tcp = TCPProber(maxConcurrentConnections: ResourceLimits.sessionBound(requested: options.concurrency))
        do {
            reader = DeviceReader(engine: try SNMPEngine(concurrency: options.concurrency), limits: options.readLimits)
            snmpUnavailable = nil
        } catch {
            reader = nil
            snmpUnavailable = error
            logger.debug("SNMP is not available", metadata: ["error": "\(error)"])
        }
    }

    /// Probes every target by ICMP, TCP and a full SNMP read together (the facts), one result per target, in order.
    ///
    /// See `liveness(_:)` for the cheap check of whether devices are there.
    public func probe(_ targets: [ProbeTarget]) async -> [DeviceProbeResult] {
        guard !targets.isEmpty else { return [] }
        let snmpTargets = targets.enumerated().compactMap { index, target in
            target.snmp.map { (index, (address: target.address.description, settings: $0)) }
        }
        async let pings = pinger?.ping(targets.map(\.address)) ?? [:]
        async let connects = tcp.probe(targets.map { ($0.address, $0.ports) }, timeout: options.tcpTimeout)
        async let reads = reader?.readAllRaw(snmpTargets.map(\.1)) ?? []
        let (pingResults, tcpResults, readResults) = await (pings, connects, reads)
        var snmpByIndex: [Int: Result<RawDeviceData, SNMPError>] = [:]
        for (entry, result) in zip(snmpTargets, readResults) { snmpByIndex[entry.0] = result }
        return targets.enumerated().map { index, target in
            var result = DeviceProbeResult(target: target, answeredBy: [], failures: [:])
            if let ping = pingResults[target.address] {
                result.ping = ping
                if ping.up {
                    result.answeredBy.append(.icmp)
                    result.rttMs = ping.rttMs
                } else {
                    result.failures[.icmp] = ping.reason ?? "no reply"
                }
            } else if let pingUnavailable {
                result.failures[.icmp] = "not tried (\(pingUnavailable.shortReason))"
            }
            if let connect = tcpResults[target.address] {
                result.record(tcp: connect)
            }
            switch snmpByIndex[index] {
            case .success(let raw)?:
                result.answeredBy.append(.snmp)
                // A port that accepted (RTSP 554, printing 9100, file sharing 445) is evidence too.
                let open: Set<UInt16> = result.tcp.flatMap { $0.up && !$0.refused ? $0.port : nil }.map { [$0] } ?? []
                result.facts = DeviceFactsBuilder.build(address: target.address.description, raw: raw, openPorts: open,
                                                        limits: options.readLimits)
            case .failure(let error)?:
                result.failures[.snmp] = error.description
            case nil:
                break
            }
            return result
        }
    }
}

extension PingError {
    /// A few words for per-device failure text; the full message with the fixes is logged once.
    var shortReason: String {
        switch self {
        case .permissionDenied: "no permission for ICMP sockets"
        case .socketFailed: "ICMP socket failed"
        case .invalidOption: "invalid ping option"
        }
    }
}
