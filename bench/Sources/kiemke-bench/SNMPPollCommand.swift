import ArgumentParser
import Foundation
import Probes
import KiemkeCore

/// `kiemke-bench snmp`: one SNMP poll cycle through the Probes engine (`SNMPEngine` and
/// `DeviceReader`: system group, vendor scalars, HOST-RESOURCES, Printer-MIB and IF-MIB walks)
/// over every address in a file, printing wall time, CPU time and who was lost, as JSON.
struct SNMPPollCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snmp",
        abstract: "Read every device in a file once with DeviceReader and time the cycle.")

    @Option(help: "A file of addresses, one per line.") var targets: String
    @Option(help: "Sessions open at once (default: SNMPEngine.defaultConcurrency).") var concurrency: Int?
    @Option(help: "Seconds to wait per try.") var timeout = 1.0
    @Option(help: "Resends after the first try.") var retries = 2
    @Option(help: "Community (v2c).") var community = "public"

    func run() async throws {
        let text = try String(contentsOfFile: targets, encoding: .utf8)
        let addresses = text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
        let settings = SNMPSettings(version: .v2c, community: community, timeout: timeout, retries: retries)
        ResourceLimits.raiseOpenFilesLimit()  // as the kiemke executable does at start
        let engine = try SNMPEngine(concurrency: concurrency ?? SNMPEngine.defaultConcurrency)
        let reader = DeviceReader(engine: engine)
        let clock = ContinuousClock()
        let cpuBefore = Self.cpuSeconds()
        let started = clock.now
        // DeviceReader.readAll's task group, with each device's finishing time kept (the slowest say
        // what the cycle waited for).
        let timed = await withTaskGroup(of: (Int, Result<DeviceFacts, SNMPError>, Duration).self) { group in
            for (index, address) in addresses.enumerated() {
                group.addTask { (index, await reader.read(address, settings: settings), clock.now - started) }
            }
            var all = [(Result<DeviceFacts, SNMPError>, Duration)?](repeating: nil, count: addresses.count)
            for await (index, result, finished) in group { all[index] = (result, finished) }
            return all.map { $0! }
        }
        let wall = clock.now - started
        let results = timed.map(\.0)
        let slowest = zip(addresses, timed).sorted { $0.1.1 > $1.1.1 }.prefix(5).map { address, entry in
            let what: String = switch entry.0 {
            case .success(let facts): facts.notes.isEmpty ? "read" : "partial: " + facts.notes.joined(separator: "; ")
            case .failure(let error): "failed: \(error)"
            }
            return "\(address) \(String(format: "%.3f", entry.1.seconds)) s \(what)"
        }
        let cpu = Self.cpuSeconds() - cpuBefore

        var answered: [String] = [], failed: [String] = [], partial = 0, slowestNote = ""
        for (address, result) in zip(addresses, results) {
            switch result {
            case .success(let facts):
                answered.append(address)
                if !facts.notes.isEmpty { partial += 1; slowestNote = facts.notes.joined(separator: "; ") }
            case .failure:
                failed.append(address)
            }
        }
        let report: [String: Any] = [
            "devices": addresses.count, "answered": answered.count, "failed": failed,
            "partial": partial, "partialExample": slowestNote,
            "wallSeconds": wall.seconds, "cpuSeconds": cpu, "concurrency": engine.concurrency,
            "slowest": slowest,
        ]
        try JSONLine.print(report)
    }

    /// User plus system CPU seconds this process has used so far.
    private static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
