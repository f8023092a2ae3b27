import Logging

/// Probes many devices at once by ICMP and TCP, and tells for each whether it is there.
///
/// When no ICMP socket can be opened, the prober says why once (`pingUnavailable`) and goes
/// on with TCP, so an unprivileged install still sees every device that has an open port.
public final class DeviceProber: Sendable {
    public struct Options: Sendable, Equatable {
        public var ping: PingOptions
        public var tcpTimeout: Duration
        public var concurrency: Int

        public init(ping: PingOptions = PingOptions(), tcpTimeout: Duration = .seconds(1), concurrency: Int = 256) {
            self.ping = ping
            self.tcpTimeout = tcpTimeout
            self.concurrency = concurrency
        }
    }

    public let options: Options
    private let pinger: Pinger?
    /// Why ICMP is not used, when it is not.
    public let pingUnavailable: PingError?
    private let tcp: TCPProber

    public init(options: Options = Options(), logger: Logger = Logger(label: "kiemke.probe")) {
        self.options = options
        do {
            pinger = try Pinger(options: options.ping, logger: logger)
            pingUnavailable = nil
        } catch {
            pinger = nil
            pingUnavailable = error
            logger.error("\(error)")
        }
        tcp = TCPProber(maxConcurrentConnections: options.concurrency)
    }

    /// Probes every target by ICMP and TCP together and returns one result per target, in order.
    public func probe(_ targets: [ProbeTarget]) async -> [DeviceProbeResult] {
        guard !targets.isEmpty else { return [] }
        async let pings = pinger?.ping(targets.map(\.address)) ?? [:]
        async let connects = tcp.probe(targets.map { ($0.address, $0.ports) }, timeout: options.tcpTimeout)
        let (pingResults, tcpResults) = await (pings, connects)
        return targets.map { target in
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
                result.tcp = connect
                if connect.up {
                    result.answeredBy.append(.tcp)
                    result.tcpPort = connect.port
                    if result.rttMs == nil { result.rttMs = connect.rttMs }
                } else {
                    result.failures[.tcp] = connect.reason ?? "no answer"
                }
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
