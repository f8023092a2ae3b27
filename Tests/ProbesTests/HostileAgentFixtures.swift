import KiemkeCore
@testable import Probes
import Testing
import TestSupport

/// Shorthands the hostile-agent suites share.
enum Hostile {
    typealias Value = HostileBER.Value

    static let system: [[UInt]] = KnownOIDs.system.map(\.components)

    /// One engine for every hostile read of the process (each engine is a thread).
    static let engine: SNMPEngine? = try? SNMPEngine(concurrency: 256)

    /// Settings for a read of `agent` that fails fast when nothing answers.
    static func settings(_ agent: HostileAgent, version: SNMPVersion = .v2c, timeout: Double = 0.5,
                         retries: Int = 0) -> SNMPSettings {
        SNMPSettings(version: version, community: "public", port: agent.port, timeout: timeout, retries: retries)
    }

    /// Reads `agent` with `limits`, and how long the read took.
    static func read(_ agent: HostileAgent, limits: ReadLimits = .standard, version: SNMPVersion = .v2c,
                     timeout: Double = 0.5, retries: Int = 0) async throws
        -> (result: Result<DeviceFacts, SNMPError>, seconds: Double) {
        let reader = DeviceReader(engine: try #require(engine), limits: limits)
        let started = ContinuousClock.now
        let result = await reader.read("127.0.0.1", settings: settings(agent, version: version, timeout: timeout, retries: retries))
        return (result, SNMPSession.seconds(ContinuousClock.now - started))
    }

    /// A Response to `request` with these fields and variables.
    static func answer(_ request: HostileBER.Request, errorStatus: Int64 = 0, errorIndex: Int64 = 0,
                       binds: [([UInt], Value)]) -> [UInt8] {
        HostileBER.response(version: request.version, community: request.community, requestID: request.requestID,
                            errorStatus: errorStatus, errorIndex: errorIndex, binds: binds)
    }

    /// What no device value may ever make the facts say.
    static func checkInvariants(_ facts: DeviceFacts) -> [String] {
        var broken: [String] = []
        for s in facts.supplies {
            if let p = s.levelPct, !(0...100).contains(p) { broken.append("supply level \(p)%") }
        }
        for a in facts.storage {
            if let p = a.usedPct, !(0...100).contains(p) { broken.append("storage \(p)% used") }
            if let b = a.sizeBytes, b < 0 { broken.append("storage size \(b)") }
            if let b = a.usedBytes, b < 0 { broken.append("storage used \(b)") }
        }
        for l in facts.processorLoads where !(0...100).contains(l) { broken.append("processor load \(l)") }
        if facts.conditions.count > 8 * PrinterErrorState.octets { broken.append("\(facts.conditions.count) conditions") }
        if let p = facts.pageCount, !(0...Int64(UInt32.max)).contains(p) { broken.append("page count \(p)") }
        for i in facts.interfaces { if let s = i.speedMbps, s < 0 { broken.append("speed \(s)") } }
        if let size = FactsSizeLimit.encodedSize(facts), size > ReadLimits.standard.maxFactsBytes {
            broken.append("facts of \(size) bytes")
        }
        return broken
    }
}
