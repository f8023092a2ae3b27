import Foundation
import KiemkeCore
import Logging
import Probes
import Synchronization

/// Sweeps addresses with the existing probes — ICMP echo, TCP connects to every kind's ports, SNMP with
/// each credential in turn — and describes every address that answered.
///
/// Three passes keep it polite: ICMP to every address; TCP (stopping at the first port that accepts) to
/// those that did not answer ping; then, for the live ones only, every port and SNMP, and a full SNMP read
/// of those that answered it (kind, vendor, model, serial, interfaces). All packets share one rate; the
/// third pass for the addresses that answered ping runs beside the second, so its waits overlap.
public final class NetworkSweeper: Sendable {
    public let options: SweepOptions
    private let pinger: Pinger?
    /// The echo retries (`pingTries - 1`) to the addresses the first echo found silent; nil with one try.
    private let retryPinger: Pinger?
    /// Why ICMP is not used, when it is not (TCP and SNMP still find devices).
    public let pingUnavailable: PingError?
    private let reader: DeviceReader?
    /// Why SNMP is not used, when it is not.
    public let snmpUnavailable: SNMPError?
    private let logger: Logger

    public init(options: SweepOptions, logger: Logger = Logger(label: "kiemke.discovery")) {
        self.options = options
        self.logger = logger
        do throws(PingError) {
            let first = try Pinger(options: PingOptions(timeout: options.timeout, tries: 1,
                                                        packetsPerSecond: options.packetsPerSecond), logger: logger)
            let retries = options.pingTries > 1
                ? try Pinger(options: PingOptions(timeout: options.timeout, tries: options.pingTries - 1,
                                                  packetsPerSecond: options.packetsPerSecond), logger: logger)
                : nil
            (pinger, retryPinger, pingUnavailable) = (first, retries, nil)
        } catch {
            (pinger, retryPinger, pingUnavailable) = (nil, nil, error)
            logger.debug("ICMP is not available", metadata: ["error": "\(error)"])
        }
        do {
            reader = DeviceReader(engine: try SNMPEngine(), limits: options.readLimits)
            snmpUnavailable = nil
        } catch {
            reader = nil
            snmpUnavailable = error
            logger.debug("SNMP is not available", metadata: ["error": "\(error)"])
        }
    }

    /// What a sweep found and what it cost.
    public struct Outcome: Sendable {
        /// One finding per address that answered, in address order.
        public var findings: [SweepFinding]
        /// Addresses swept.
        public var swept: Int
        /// Packets sent (echo requests, SYNs, SNMP requests; retransmissions not counted).
        public var packets: Int
    }

    /// Sweeps `addresses`; `progress` is called now and then from any thread.
    public func sweep(_ addresses: [IPAddress], progress: @escaping @Sendable (SweepProgress) -> Void = { _ in }) async -> Outcome {
        let pacer = Pacer(packetsPerSecond: options.packetsPerSecond)
        let rate = Double(max(1, options.packetsPerSecond))
        let timeout = Double(options.timeout.components.seconds) + Double(options.timeout.components.attoseconds) / 1e18
        let ports = options.tcpPorts
        let finding = options.findingPorts
        let counters = Counters()
        let total = addresses.count
        func report(packetsLeft: Int) {
            progress(SweepProgress(done: counters.done.load(ordering: .relaxed), total: total, found: counters.found.load(ordering: .relaxed),
                                   secondsLeft: Double(packetsLeft) / rate + timeout))
        }
        report(packetsLeft: total * (options.pingTries + finding.count))

        // Pass 1: one echo to everything (the pinger paces itself at the same rate). The retries to the
        // silent ones run beside the TCP pass below, their packets counted in the shared budget, so the
        // TCP pass does not wait out every retry's timeout first.
        var live = Set<IPAddress>()
        var answered: [IPAddress: [String]] = [:]
        if let pinger {
            let ticker = Task {
                // The pinger reports only at its end: estimate its progress from the time its packets take.
                let start = ContinuousClock.now
                let expected = Double(total) / rate + timeout
                while !Task.isCancelled {
                    try? await Task.sleep(for: .milliseconds(250))
                    let elapsed = (ContinuousClock.now - start)
                    let share = min(0.99, (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18) / max(expected, 0.001))
                    progress(SweepProgress(done: Int(Double(total) * share * 0.3), total: total, found: counters.found.load(ordering: .relaxed),
                                           secondsLeft: max(0, expected * (1 - share)) + Double(total * finding.count) / rate * 0.2))
                }
            }
            let pings = await pinger.ping(addresses)
            ticker.cancel()
            await pacer.count(pings.values.reduce(0) { $0 + $1.sent })
            for (address, result) in pings where result.up {
                live.insert(address)
                answered[address, default: []].append("icmp")
            }
            counters.done.store(live.count, ordering: .relaxed)
            counters.found.store(live.count, ordering: .relaxed)
        }

        // The echo retries to the silent ones: their packets are reserved in the shared budget first,
        // then sent while the TCP pass below goes on.
        let silent = addresses.filter { !live.contains($0) }
        // Those a retry finds get their pass 3 at once, beside the TCP pass (not after it).
        let retrying = retryPinger.map { pinger in
            Task { [silent] () -> (found: [IPAddress], ports: [IPAddress: [UInt16]], snmp: [IPAddress: Identity]) in
                await pacer.reserve(silent.count * (self.options.pingTries - 1))
                let results = await pinger.ping(silent)
                let found = silent.filter { results[$0]?.up == true }
                async let ports = self.openPorts(of: found, ports: ports, pacer: pacer)
                async let snmp = self.identify(found, pacer: pacer)
                return (found, await ports, await snmp)
            }
        }

        // Pass 3 for those that answered ping starts now, beside pass 2: their ports and SNMP answers
        // (mostly timeouts of devices without an agent) overlap the TCP pass instead of following it.
        // The pacer is shared, so the rate holds for all of it together.
        let pingLive = addresses.filter { live.contains($0) }
        async let earlyPorts = openPorts(of: pingLive, ports: ports, pacer: pacer)
        async let earlySNMP = identify(pingLive, pacer: pacer)

        // Pass 2: TCP to the silent ones, in paced chunks, on the finding ports only (each is a packet to every
        // empty address); the first port that accepts makes an address live, and pass 3 asks it every port.
        let tcp = TCPProber(maxConcurrentConnections: ResourceLimits.sessionBound(requested: 4_096))
        let chunkSize = max(1, min(64, options.packetsPerSecond / 10 / max(1, finding.count)))
        let chunks = stride(from: 0, to: silent.count, by: chunkSize).map { Array(silent[$0..<min($0 + chunkSize, silent.count)]) }
        let tcpLive = await withTaskGroup(of: [IPAddress: UInt16].self) { group in
            for (index, chunk) in chunks.enumerated() {
                await pacer.reserve(chunk.count * finding.count)
                group.addTask {
                    let results = await tcp.probe(chunk.map { ($0, finding) }, timeout: self.options.timeout)
                    var open: [IPAddress: UInt16] = [:]
                    for (address, result) in results where result.up && !result.refused {
                        if let port = result.port { open[address] = port }
                    }
                    counters.done.add(chunk.count, ordering: .relaxed)
                    counters.found.add(open.count, ordering: .relaxed)
                    return open
                }
                report(packetsLeft: (chunks.count - index - 1) * chunkSize * finding.count)
            }
            var merged: [IPAddress: UInt16] = [:]
            for await part in group { merged.merge(part) { first, _ in first } }
            return merged
        }
        let retried = await retrying?.value
        for address in retried?.found ?? [] {
            live.insert(address)
            answered[address, default: []].append("icmp")
        }
        let lateFound = Set(tcpLive.keys).subtracting(live)
        live.formUnion(lateFound)
        counters.done.store(total, ordering: .relaxed)
        counters.found.store(live.count, ordering: .relaxed)
        report(packetsLeft: lateFound.count * (ports.count + options.credentials.count))

        // Pass 3 for those only TCP found: every port (to know them all), SNMP with each credential in turn.
        let liveList = addresses.filter { live.contains($0) }
        let tcpLiveList = addresses.filter { lateFound.contains($0) }
        async let lateSNMP = identify(tcpLiveList, pacer: pacer)
        var portsByAddress = await openPorts(of: tcpLiveList, ports: ports, pacer: pacer)
        portsByAddress.merge(await earlyPorts) { first, _ in first }
        portsByAddress.merge(retried?.ports ?? [:]) { first, _ in first }
        var snmpByAddress = await lateSNMP
        snmpByAddress.merge(await earlySNMP) { first, _ in first }
        snmpByAddress.merge(retried?.snmp ?? [:]) { first, _ in first }

        // The full read of those that answered SNMP, with their open ports as evidence.
        let readTargets = liveList.compactMap { address -> (address: String, settings: SNMPSettings, openPorts: Set<UInt16>)? in
            guard let index = snmpByAddress[address]?.credential else { return nil }
            return (address.description, options.credentials[index], Set(portsByAddress[address] ?? []))
        }
        var factsByAddress: [IPAddress: DeviceFacts] = [:]
        if let reader, !readTargets.isEmpty {
            await pacer.reserve(readTargets.count * 8)
            for (target, result) in zip(readTargets, await reader.readAll(readTargets)) {
                if case .success(let facts) = result, let address = IPAddress(target.address) { factsByAddress[address] = facts }
            }
        }

        let neighbours = NeighbourTable.read()
        let findings = liveList.map { address -> SweepFinding in
            var finding = SweepFinding(address: address)
            var how = answered[address] ?? []
            let open = portsByAddress[address] ?? tcpLive[address].map { [$0] } ?? []
            how += open.map { "tcp:\($0)" }
            let identity = snmpByAddress[address]
            if identity != nil { how.append("snmp") }
            finding.answeredBy = how
            finding.credentialIndex = identity?.credential
            if let facts = factsByAddress[address] {
                finding.facts = facts
                finding.kind = facts.kind
                finding.vendor = facts.vendor
                finding.model = facts.model
                finding.serial = Self.clean(facts.serial)
                finding.sysName = Self.clean(facts.system.name)
                finding.mac = facts.interfaces.lazy.compactMap { $0.mac.flatMap(NeighbourTable.normalizedMAC) }.first
            } else {
                let classification = Classifier.classify(DeviceEvidence(sysDescr: identity?.sysDescr, sysObjectID: identity?.sysObjectID,
                                                                        openPorts: Set(open)))
                finding.kind = classification.kind
                finding.vendor = classification.vendor
                finding.model = classification.model
                finding.sysName = Self.clean(identity?.sysName)
            }
            if let credential = identity?.credential, options.credentials[credential].version == .v3 {
                // The engine ID the full read's session learned needs no MIB view; the GET's is the fallback.
                finding.engineID = factsByAddress[address]?.engineID ?? identity?.engineID
            }
            // The neighbour table names the interface that answered at this very address: it wins.
            if let mac = neighbours[address] { finding.mac = mac }
            return finding
        }
        progress(SweepProgress(done: total, total: total, found: findings.count, secondsLeft: 0))
        let packets = await pacer.packets
        logger.debug("sweep finished", metadata: ["swept": "\(total)", "found": "\(findings.count)", "packets": "\(packets)"])
        return Outcome(findings: findings, swept: total, packets: packets)
    }

    /// Addresses done and found so far, shared by the passes and the progress ticker.
    private final class Counters: Sendable {
        let done = Atomic<Int>(0)
        let found = Atomic<Int>(0)
    }

    /// Trimmed text, nil when empty.
    static func clean(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// Every port of `ports` that accepts a connection, per address, in the order of `ports`.
    private func openPorts(of addresses: [IPAddress], ports: [UInt16], pacer: Pacer) async -> [IPAddress: [UInt16]] {
        guard !addresses.isEmpty else { return [:] }
        let tcp = TCPProber(maxConcurrentConnections: ResourceLimits.sessionBound(requested: 1_024))
        let timeout = options.timeout
        // One port per call: the prober stops at the first port that accepts, and here every one counts.
        let perPort = await withTaskGroup(of: (UInt16, [IPAddress: TCPResult]).self) { group in
            for port in ports {
                await pacer.reserve(addresses.count)
                group.addTask { (port, await tcp.probe(addresses.map { ($0, [port]) }, timeout: timeout)) }
            }
            var all: [UInt16: [IPAddress: TCPResult]] = [:]
            for await (port, results) in group { all[port] = results }
            return all
        }
        var open: [IPAddress: [UInt16]] = [:]
        for port in ports {
            for (address, result) in perPort[port] ?? [:] where result.up && !result.refused {
                open[address, default: []].append(port)
            }
        }
        return open
    }

    /// What one SNMP GET of the system group told about an address, and which credential it answered.
    struct Identity: Sendable {
        var credential: Int
        var sysDescr: String?
        var sysObjectID: OID?
        var sysName: String?
        var engineID: String?
    }

    private static let sysDescr: OID = "1.3.6.1.2.1.1.1.0"
    private static let sysObjectID: OID = "1.3.6.1.2.1.1.2.0"
    private static let sysName: OID = "1.3.6.1.2.1.1.5.0"
    private static let snmpEngineID: OID = "1.3.6.1.6.3.10.2.1.1.0"

    /// Tries each credential in turn on every address; the first that answers is kept.
    private func identify(_ addresses: [IPAddress], pacer: Pacer) async -> [IPAddress: Identity] {
        guard let reader, !addresses.isEmpty else { return [:] }
        let credentials = options.credentials
        return await withTaskGroup(of: (IPAddress, Identity?).self) { group in
            for address in addresses {
                group.addTask {
                    for (index, settings) in credentials.enumerated() {
                        await pacer.reserve(1)
                        do throws(SNMPError) {
                            // snmpEngineID only under v3: a v1 agent fails a whole GET for one OID it lacks.
                            let oids = [Self.sysDescr, Self.sysObjectID, Self.sysName] + (settings.version == .v3 ? [Self.snmpEngineID] : [])
                            let binds = try await reader.engine.get(oids, from: address.description, settings: settings)
                            var identity = Identity(credential: index)
                            for bind in binds where !bind.value.isException {
                                switch bind.oid {
                                case Self.sysDescr: identity.sysDescr = bind.value.text
                                case Self.sysName: identity.sysName = bind.value.text
                                case Self.sysObjectID: if case .oid(let oid) = bind.value { identity.sysObjectID = oid }
                                case Self.snmpEngineID: identity.engineID = bind.value.bytes.map { $0.map { String(format: "%02x", $0) }.joined() }
                                default: break
                                }
                            }
                            return (address, identity)
                        } catch {
                            continue
                        }
                    }
                    return (address, nil)
                }
            }
            var identities: [IPAddress: Identity] = [:]
            for await (address, identity) in group { if let identity { identities[address] = identity } }
            return identities
        }
    }
}
