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
            if let rate, !(1...100_000).contains(rate) { throw ValidationError("--rate must be 1 to 100000 packets per second") }
        }

        func run() async throws {
            let workspace = try global.workspace()
            let logger = Logger(label: "kiemke.discover")
            var configuration = workspace.configuration
            if let rate { configuration.discovery.rate = rate }
            var texts = ranges
            if texts.isEmpty {
                texts = ConnectedSubnets.list()
                guard !texts.isEmpty else { throw InputError(DiscoveryError.nothingToSweep.description) }
                if !yes {
                    guard TerminalOutput.isTerminal, isatty(STDIN_FILENO) == 1 else {
                        throw InputError("no range given; this host's subnets are \(texts.joined(separator: ", ")): name them, or add --yes to sweep them")
                    }
                    FileHandle.standardError.write(Data("Sweep this host's subnets \(texts.joined(separator: ", "))? [y/N] ".utf8))
                    guard let answer = readLine(), ["y", "yes", "c", "có", "co"].contains(answer.lowercased().trimmingCharacters(in: .whitespaces)) else {
                        FileHandle.standardError.write(Data("nothing swept\n".utf8))
                        return
                    }
                }
            }
            let parsed: [SweepRange]
            do {
                parsed = try texts.map { text throws(DiscoveryError) in try SweepRange(text) }
            } catch {
                throw InputError(error.description)
            }
            let addresses = SweepRange.addresses(of: parsed)
            let cap = configuration.discovery.maxAddresses
            if addresses.count > cap && !yes { throw InputError(DiscoveryError.overCap(count: addresses.count, cap: cap).description) }
            if let output, FileManager.default.fileExists(atPath: output),
               (try? FileManager.default.attributesOfItem(atPath: output)[.type] as? FileAttributeType) == .typeDirectory {
                throw InputError("--output \(TerminalText.quoted(output)) is a folder; give a file name")
            }

            let options: SweepOptions
            do {
                options = try DiscoveryRun.options(configuration)
            } catch {
                throw InputError("\(error)")
            }
            let sweeper = NetworkSweeper(options: options, logger: logger)
            if let error = sweeper.pingUnavailable { logger.warning("ping is not available; sweeping by TCP and SNMP", metadata: ["error": "\(error)"]) }
            if let error = sweeper.snmpUnavailable { logger.warning("SNMP is not available", metadata: ["error": "\(error)"]) }
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
                    throw InputError("cannot write --output \(TerminalText.quoted(output)): \(error.localizedDescription)")
                }
            }
            print(format == .json ? try report.json() : report.text(), terminator: "")
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
                    FileHandle.standardError.write(Data("\(TerminalText.escaped(change.deviceName)) moved from \(change.from) to \(change.to) (\(TerminalText.escaped(evidence)))\n".utf8))
                }
                let fresh = entries.filter { $0.status == .new && $0.proposedName != nil }
                guard !fresh.isEmpty else {
                    FileHandle.standardError.write(Data("enrolled nothing: no new devices\n".utf8))
                    return
                }
                let parsedCSV = try DeviceImporter.read(Data(csv.utf8), file: "discovery")
                let summary = try DeviceImporter(store: store).importParsed(parsedCSV, by: CurrentUser.name(explicit: by))
                for entry in fresh {
                    let f = entry.finding
                    try store.recordIdentity(DeviceIdentity(mac: f.mac, serial: f.serial, sysName: f.sysName, engineID: f.engineID),
                                             ofDeviceNamed: entry.proposedName ?? "")
                }
                FileHandle.standardError.write(Data("enrolled: \(summary)\n".utf8))
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
                throw InputError("\(TerminalText.quoted(value)) is neither an IP address nor a MAC address (aa:bb:cc:dd:ee:ff)")
            }
            let workspace = try global.workspace()
            try workspace.openStore().ignoreForDiscovery(normalised, by: CurrentUser.name(explicit: by))
            print("ignored \(normalised): discovery will not propose it again")
        }
    }
}
