import KiemkeCore

extension DeviceProber {
    /// Tells for each request whether the device is there, as cheaply as it can: first the one probe
    /// that answered last time (`LivenessRequest.first`); only a device that does not answer it is
    /// tried by the other probes (ping, one SNMP GET, a connect to each of its ports) before it counts
    /// as down. A request without a first probe gets all of them at once. No full SNMP read: `facts`
    /// stays nil; an SNMP answer fills `status` (uptime, a printer's error state).
    public func liveness(_ requests: [LivenessRequest]) async -> [DeviceProbeResult] {
        guard !requests.isEmpty else { return [] }
        var results = requests.map { DeviceProbeResult(target: $0.target, answeredBy: [], failures: [:]) }
        let first = requests.map { request in request.first.map { Set([$0]) } ?? Self.everyMethod(request) }
        await run(first, requests, into: &results)
        // Whoever did not answer its cheap probe is tried by the others before it counts as a failure.
        let others = requests.indices.map { index -> Set<LivenessMethod> in
            guard !results[index].up, let tried = requests[index].first else { return [] }
            return Self.everyMethod(requests[index]).subtracting([tried])
        }
        if others.contains(where: { !$0.isEmpty }) {
            await run(others, requests, into: &results)
        }
        return results
    }

    /// Every probe a request can use; `.tcp(port: 0)` stands for all of the target's ports.
    private static func everyMethod(_ request: LivenessRequest) -> Set<LivenessMethod> {
        var methods: Set<LivenessMethod> = [.icmp, .tcp(port: 0)]
        if request.target.snmp != nil { methods.insert(.snmp) }
        return methods
    }

    /// Runs `methods[i]` for each request `i` (ICMP, TCP and SNMP side by side) and merges what they found.
    private func run(_ methods: [Set<LivenessMethod>], _ requests: [LivenessRequest],
                     into results: inout [DeviceProbeResult]) async {
        var pingTargets: [IPAddress] = []
        var tcpTargets: [(IPAddress, [UInt16])] = []
        var snmpIndexes: [Int] = []
        for (index, wanted) in methods.enumerated() {
            let target = requests[index].target
            for method in wanted {
                switch method {
                case .icmp: pingTargets.append(target.address)
                case .tcp(let port): tcpTargets.append((target.address, port == 0 ? target.ports : [port]))
                // Without an engine (no net-snmp), SNMP is left out, as `probe` leaves it out.
                case .snmp: if target.snmp != nil && reader != nil { snmpIndexes.append(index) }
                }
            }
        }
        let reader = self.reader
        async let pings = pingTargets.isEmpty ? [:] : (pinger?.ping(pingTargets) ?? [:])
        async let connects = tcpTargets.isEmpty ? [:] : tcp.probe(tcpTargets, timeout: options.tcpTimeout)
        async let gets = Self.statusGets(snmpIndexes.map { (requests[$0]) }, reader: reader)
        let (pingResults, tcpResults, getResults) = await (pings, connects, gets)
        let getsByIndex = Dictionary(uniqueKeysWithValues: zip(snmpIndexes, getResults))

        for (index, wanted) in methods.enumerated() where !wanted.isEmpty {
            let address = requests[index].target.address
            var result = results[index]
            if wanted.contains(.icmp) {
                if let ping = pingResults[address] {
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
            }
            if wanted.contains(where: { if case .tcp = $0 { true } else { false } }), let connect = tcpResults[address] {
                result.record(tcp: connect)
            }
            switch getsByIndex[index] {
            case .success(let status)?:
                result.answeredBy.append(.snmp)
                result.status = status
            case .failure(let error)?:
                result.failures[.snmp] = error.description
            case nil:
                break
            }
            if result.up {
                // Failures of the cheap probe settle as noise once another probe answered.
                result.failures = result.failures.filter { !result.answeredBy.contains($0.key) }
            }
            result.answeredBy.sort()
            results[index] = result
        }
    }

    /// One GET per request of sysUpTime (and the printer row's state), many devices at once.
    private static func statusGets(_ requests: [LivenessRequest], reader: DeviceReader?) async -> [Result<StatusReading, SNMPError>] {
        guard let reader, !requests.isEmpty else {
            return requests.map { _ in .failure(.engineStopped) }
        }
        return await withTaskGroup(of: (Int, Result<StatusReading, SNMPError>).self) { group in
            for (index, request) in requests.enumerated() {
                guard let settings = request.target.snmp else { continue }
                group.addTask {
                    let row = request.printerRow
                    do throws(SNMPError) {
                        let binds = try await reader.engine.get(StatusReading.oids(printerRow: row),
                                                                from: request.target.address.description, settings: settings)
                        return (index, .success(StatusReading(binds, printerRow: row)))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            var results = [Result<StatusReading, SNMPError>](repeating: .failure(.engineStopped), count: requests.count)
            for await (index, result) in group { results[index] = result }
            return results
        }
    }
}
