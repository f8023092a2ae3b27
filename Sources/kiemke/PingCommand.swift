import Agent
import ArgumentParser
import Foundation
import Inventory
import Logging
import Probes
import KiemkeCore

/// `kiemke ping`: sweeps addresses and networks with ICMP echo and prints who answered.
struct PingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ping",
        abstract: "Ping addresses and networks (ICMP echo, fping-style) and print which are up.",
        discussion: """
            Exit status: 0 when every target was probed (some may be down), 1 when pinging is \
            impossible (no ICMP socket: the message says how to allow it), 2 on a usage error.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Addresses (192.168.1.10, ::1) or networks (192.168.1.0/24).")
    var targets: [String] = []

    @Option(name: .long, help: "A file with more targets, one per line; '#' starts a comment.")
    var file: String?

    @Option(name: .long, help: "Socket kind: auto, raw (root or cap_net_raw) or datagram (ping_group_range).")
    var mode: String = "auto"

    @Option(name: .long, help: "Wait per try, e.g. 1s, 500ms, 1.5.")
    var timeout: String = "1s"

    @Option(name: .long, help: "Echo requests per target; up on any reply.")
    var tries: Int = 3

    @Option(name: .long, help: "Echo requests per second across all targets.")
    var rate: Int = 1_000

    @Option(name: .long, help: "Output: text or json.")
    var format: String = "text"

    func run() async throws {
        // Like every command: --log-level sets what reaches stderr, --config is read (and checked).
        _ = try global.workspace()
        let logger = Logger(label: "kiemke.ping")
        guard let pingMode = PingMode(rawValue: mode) else { throw InputError("--mode must be auto, raw or datagram, not '\(mode)'", vi: "--mode phải là auto, raw hoặc datagram, không phải '\(mode)'") }
        guard format == "text" || format == "json" else { throw InputError("--format must be text or json, not '\(format)'", vi: "--format phải là text hoặc json, không phải '\(format)'") }
        guard let wait = DurationText.parse(timeout, in: DurationText.timeout) else {
            throw InputError("--timeout " + DurationText.problem(timeout, in: DurationText.timeout),
                             vi: "--timeout '\(timeout)' không phải khoảng thời gian từ 50ms đến 60s (ví dụ 1s hoặc 500ms)")
        }
        var fileContents: String?
        if let file {
            guard let contents = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw InputError("cannot read --file '\(file)'", vi: "không đọc được --file '\(file)'")
            }
            fileContents = contents
        }
        guard !targets.isEmpty || fileContents != nil else { throw InputError("no targets: give addresses, networks or --file", vi: "chưa có mục tiêu: hãy cho địa chỉ, dải mạng hoặc --file") }
        let addresses: [IPAddress]
        do {
            addresses = try TargetList.addresses(from: targets, fileContents: fileContents)
        } catch {
            throw InputError(error.description, vi: error.vietnamese)
        }

        let options = PingOptions(timeout: wait, tries: tries, packetsPerSecond: rate, mode: pingMode)
        let pinger: Pinger
        switch Result(catching: { () throws(PingError) in try Pinger(options: options, logger: logger) }) {
        case .success(let opened):
            pinger = opened
        case .failure(.invalidOption(let detail)):
            throw InputError(detail, vi: PingError.invalidOption(detail).vietnamese)
        case .failure(let error):
            FileHandle.standardError.write(Data("kiemke ping: \(error.text(MessageLanguage.current))\n".utf8))
            throw ExitCode.failure
        }
        let clock = ContinuousClock()
        let start = clock.now
        let results = await pinger.ping(addresses)
        let up = results.values.filter(\.up).count
        logger.info("swept \(addresses.count) targets: \(up) up, \(addresses.count - up) down in \(clock.now - start) (\(pinger.socketKind) socket)")

        if format == "json" {
            // The one JSON style of every kiemke output: snake_case keys ("rtt_ms"), sorted.
            let rows = addresses.map { Row(address: $0.description, result: results[$0] ?? Self.unanswered) }
            print(try JSONOutput.encode(rows), terminator: "")
        } else {
            for address in addresses {
                let result = results[address] ?? Self.unanswered
                // fping's shape, "ADDRESS up RTT ms" / "ADDRESS down REASON"; in Vietnamese, the same words translated.
                if result.up {
                    print("\(address) \(Say.text("up", vi: "hoạt động")) \(String(format: "%.3f", result.rttMs ?? 0)) ms")
                } else {
                    let reason = result.reason ?? "timeout"
                    print("\(address) \(Say.text("down \(reason)", vi: "mất kết nối \(ProblemText.vietnamese(reason))"))")
                }
            }
        }
    }

    /// What an address the sweep returned nothing for is shown as (the sweep answers every address).
    private static let unanswered = PingResult(up: false, rttMs: nil, reason: "no result", sent: 0, received: 0)

    /// One line of JSON output: the address beside its result.
    private struct Row: Encodable {
        let address: String
        let result: PingResult

        func encode(to encoder: any Encoder) throws {
            try result.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(address, forKey: .address)
        }

        private enum CodingKeys: String, CodingKey { case address }
    }
}
