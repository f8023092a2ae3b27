import ArgumentParser
import Foundation
import Probes
import KiemkeCore

/// `kiemke-bench classify`: the classifier's CPU cost per device. Every `.snmprec` recording in the given
/// folders is interpreted once as DeviceReader would (evidence built), then `Classifier.decide` runs over all
/// of them `--rounds` times; prints CPU microseconds per classification, and per full interpretation of a
/// read (facts, evidence, classification, model, firmware, serial), as JSON.
struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Time the classifier on every recording in the given folders (CPU per device).")

    @Argument(help: "Folders of .snmprec recordings (e.g. ../shared/snmp/recordings ../shared/snmp/corpus).")
    var folders: [String]
    @Option(help: "Times every recording is classified.") var rounds = 2000

    func run() throws {
        var walks: [(name: String, binds: [VarBind])] = []
        for folder in folders {
            let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".snmprec") }.sorted()
            for file in files {
                let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
                walks.append((file, RecordedWalk.parse(snmprec: text)))
            }
        }
        guard !walks.isEmpty else { throw ValidationError("no .snmprec files in \(folders.joined(separator: ", "))") }
        let evidence = walks.map { RecordedWalk.interpret(address: "127.0.0.1", binds: $0.binds).evidence }
        _ = evidence.map(Classifier.decide)   // compile the table before timing

        var kinds: [String: Int] = [:]
        let before = Self.cpuSeconds()
        for _ in 0..<rounds {
            for item in evidence { kinds[Classifier.decide(item).classification.kind.rawValue, default: 0] += 1 }
        }
        let classifySeconds = Self.cpuSeconds() - before
        let interpretRounds = max(1, rounds / 10)
        let interpretBefore = Self.cpuSeconds()
        for _ in 0..<interpretRounds {
            for walk in walks { _ = RecordedWalk.interpret(address: "127.0.0.1", binds: walk.binds) }
        }
        let interpretSeconds = Self.cpuSeconds() - interpretBefore
        let calls = Double(rounds * evidence.count)
        try JSONLine.print([
            "devices": evidence.count, "rounds": rounds,
            "classifyMicrosecondsPerDevice": classifySeconds / calls * 1e6,
            "interpretMicrosecondsPerDevice": interpretSeconds / Double(interpretRounds * walks.count) * 1e6,
            "kinds": kinds.mapValues { $0 / rounds },
        ])
    }

    /// User plus system CPU seconds this process has used so far.
    private static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
