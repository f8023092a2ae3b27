import Agent
import ArgumentParser
import Discovery
import Foundation
import Inventory
import Logging
import Probes
import KiemkeCore

/// `kiemke discover`: sweep ranges for devices and propose them for the inventory; `discover ignore`.
struct DiscoverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discover",
        abstract: "Sweep ranges (ICMP, TCP ports of every kind, SNMP) and propose what answered for the inventory.",
        subcommands: [Sweep.self, Ignore.self],
        defaultSubcommand: Sweep.self
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    struct Sweep: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sweep",
            abstract: "Sweep ranges and print every address that answered: MAC, kind, vendor, model, serial, sysName, how it answered, inventory status.",
            discussion: """
                RANGE: 192.168.1.0/24 (network and broadcast addresses left out), 192.168.1.10-192.168.1.50, \
                192.168.1.10-50, or one address. Without a range, the host's own subnets are offered and swept \
                after you agree (or with --yes). More addresses than [discovery] max_addresses (4,096) need --yes. \
                Packets go at [discovery] rate per second (1,000). Exit 0 when the sweep ran, 2 for a malformed \
                range or one over the cap without --yes.
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "Ranges to sweep: CIDR blocks, FIRST-LAST ranges or addresses.") var ranges: [String] = []
        @Option(help: "text or json.") var format: Format = .text
        @Option(help: "Write the new devices to this CSV in the import format, ready to edit and `kiemke devices import`.") var output: String?
        @Flag(help: "Import the new devices directly, under the proposed names.") var enrol = false
        @Flag(help: "Sweep more addresses than the cap, or the host's own subnets without asking.") var yes = false
        @Option(help: "Packets per second (default: the config's [discovery] rate, 1000).") var rate: Int?
        @Option(help: "Who is recorded as having added enrolled devices (default: your login name).") var by: String?

        func validate() throws {
            if let rate, !(1...100_000).contains(rate) { throw ValidationError(Say.text("--rate must be 1 to 100000 packets per second", vi: "--rate phải từ 1 đến 100000 gói tin mỗi giây")) }
        }

        func run() async throws {
            let workspace = try global.workspace()
            let logger = Logger(label: "kiemke.discover")
            var configuration = workspace.configuration
            if let rate { configuration.discovery.rate = rate }
            var texts = ranges
            if texts.isEmpty {
                texts = ConnectedSubnets.list()
                guard !texts.isEmpty else { throw InputError(DiscoveryError.nothingToSweep.description, vi: DiscoveryError.nothingToSweep.vietnamese) }
                if !yes {
                    guard TerminalOutput.isTerminal, isatty(STDIN_FILENO) == 1 else {
                        let subnets = texts.joined(separator: ", ")
                        throw InputError("no range given; this host's subnets are \(subnets): name them, or add --yes to sweep them",
                                         vi: "chưa cho dải nào; các mạng con của máy này là \(subnets): hãy ghi rõ chúng, hoặc thêm --yes để quét chúng")
                    }
                    let subnets = texts.joined(separator: ", ")
                    FileHandle.standardError.write(Data(Say.text("Sweep this host's subnets \(subnets)? [y/N] ",
                                                                 vi: "Quét các mạng con của máy này \(subnets)? [c/K] ").utf8))
                    guard let answer = readLine(), ["y", "yes", "c", "có", "co"].contains(answer.lowercased().trimmingCharacters(in: .whitespaces)) else {
                        FileHandle.standardError.write(Data(Say.text("nothing swept\n", vi: "không quét gì\n").utf8))
                        return
                    }
                }
            }
            let parsed: [SweepRange]
            do {
                parsed = try texts.map { text throws(DiscoveryError) in try SweepRange(text) }
            } catch {
                throw InputError(error.description, vi: error.vietnamese)
            }
            let addresses = SweepRange.addresses(of: parsed)
            let cap = configuration.discovery.maxAddresses
            if addresses.count > cap && !yes {
                let error = DiscoveryError.overCap(count: addresses.count, cap: cap)
                throw InputError(error.description, vi: error.vietnamese)
            }
            if let output, FileManager.default.fileExists(atPath: output),
               (try? FileManager.default.attributesOfItem(atPath: output)[.type] as? FileAttributeType) == .typeDirectory {
                throw InputError("--output \(TerminalText.quoted(output)) is a folder; give a file name",
                                 vi: "--output \(TerminalText.quoted(output)) là một thư mục; hãy cho tên tệp")
            }

            let options: SweepOptions
            do {
                options = try DiscoveryRun.options(configuration)
            } catch {
                throw InputError("\(error)", vi: ErrorMessages.text(for: error, language: .vi))
            }
            let sweeper = NetworkSweeper(options: options, logger: logger)
            // Warnings the person running the sweep reads, in their language; the error stays as metadata.
            if let error = sweeper.pingUnavailable {
                logger.warning("\(Say.text("ping is not available; sweeping by TCP and SNMP", vi: "không ping được; chỉ quét bằng TCP và SNMP"))",
                               metadata: ["error": "\(error)"])
            }
            if let error = sweeper.snmpUnavailable {
                logger.warning("\(Say.text("SNMP is not available", vi: "không dùng được SNMP"))", metadata: ["error": "\(error)"])
            }
            let bar = ProgressBar(enabled: isatty(STDERR_FILENO) == 1)
            let clock = ContinuousClock()
            let start = clock.now
            let outcome = await sweeper.sweep(addresses) { bar.show($0) }
            bar.finish()
            let seconds = (clock.now - start).seconds

            let store: InventoryStore? = FileManager.default.fileExists(atPath: workspace.databasePath)
                ? try (enrol ? workspace.openStore() : workspace.openStoreForReading()) : (enrol ? try workspace.openStore() : nil)
            let entries = try DiscoveryRun.propose(outcome.findings, store: store)
            let report = ProposalReport(entries: entries, swept: outcome.swept, seconds: seconds)
            logger.info("sweep done", metadata: ["swept": "\(outcome.swept)", "found": "\(entries.count)", "packets": "\(outcome.packets)",
                                                 "seconds": "\(String(format: "%.2f", seconds))"])
            let csv = report.csv(configuration: configuration)
            if let output {
                do {
                    try Data(csv.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
                } catch {
                    throw InputError("cannot write --output \(TerminalText.quoted(output)): \(error.localizedDescription)",
                                     vi: "không ghi được --output \(TerminalText.quoted(output)): \(SystemReason.vietnamese(error.localizedDescription))")
                }
            }
            print(format == .json ? try report.json() : report.text(MessageLanguage.current), terminator: "")
            if enrol, let store {
                // A moved device (same serial, MAC or engine ID, its old address silent) follows its new address.
                let known = Dictionary(try DiscoveryRun.inventory(store).known.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
                for entry in entries where entry.status == .moved {
                    guard let name = entry.inventoryName, let device = known[name] else { continue }
                    let f = entry.finding
                    // The evidence that matched, as the daemon words it (not merely the first the finding has).
                    let evidence = AddressChangeFinder.evidence(device, f)
                    let change = try store.recordAddressChange(ofDeviceNamed: name, to: f.address.description, evidence: evidence,
                                                               by: CurrentUser.name(explicit: by))
                    let moved = TerminalText.escaped(change.deviceName)
                    FileHandle.standardError.write(Data(Say.text(
                        "\(moved) moved from \(change.from) to \(change.to) (\(TerminalText.escaped(evidence)))\n",
                        vi: "\(moved) đã chuyển từ \(change.from) sang \(change.to) (\(TerminalText.escaped(ProposalReport.vietnamese(evidence: evidence))))\n").utf8))
                }
                let fresh = entries.filter { $0.status == .new && $0.proposedName != nil }
                guard !fresh.isEmpty else {
                    FileHandle.standardError.write(Data(Say.text("enrolled nothing: no new devices\n",
                                                                 vi: "không nhập thiết bị nào: không có thiết bị mới\n").utf8))
                    return
                }
                let parsedCSV = try DeviceImporter.read(Data(csv.utf8), file: "discovery")
                let summary = try DeviceImporter(store: store).importParsed(parsedCSV, by: CurrentUser.name(explicit: by))
                for entry in fresh {
                    let f = entry.finding
                    try store.recordIdentity(DeviceIdentity(mac: f.mac, serial: f.serial, sysName: f.sysName, engineID: f.engineID),
                                             ofDeviceNamed: entry.proposedName ?? "")
                }
                FileHandle.standardError.write(Data(Say.text("enrolled: \(summary)\n", vi: "đã nhập: \(summary.vietnamese)\n").utf8))
            }
        }
    }

    struct Ignore: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ignore",
            abstract: "Never propose this address or MAC again (and drop its \"new device\" attention item).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "An IPv4/IPv6 address or a MAC (aa:bb:cc:dd:ee:ff).") var value: String
        @Option(help: "Who is recorded (default: your login name).") var by: String?

        func run() async throws {
            let normalised: String
            if let address = IPAddress(value) {
                normalised = address.description
            } else if let mac = NeighbourTable.normalizedMAC(value) {
                normalised = mac
            } else {
                throw InputError("\(TerminalText.quoted(value)) is neither an IP address nor a MAC address (aa:bb:cc:dd:ee:ff)",
                                 vi: "\(TerminalText.quoted(value)) không phải địa chỉ IP, cũng không phải địa chỉ MAC (aa:bb:cc:dd:ee:ff)")
            }
            let workspace = try global.workspace()
            try workspace.openStore().ignoreForDiscovery(normalised, by: CurrentUser.name(explicit: by))
            print(Say.text("ignored \(normalised): discovery will not propose it again",
                           vi: "đã bỏ qua \(normalised): việc dò tìm sẽ không đề xuất nó nữa"))
        }
    }
}
