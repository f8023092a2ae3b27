import Agent
import Foundation
import ArgumentParser
import Inventory
import Probes
import KiemkeCore

extension DevicesCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add one device.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The device's name, e.g. PC-25.") var name: String
        @Option(help: "computer, scanner, copier, printer, camera, network or other.") var kind: String
        @Option(help: "Its IPv4 or IPv6 address (omit for a device with no network).") var address: String = ""
        @Option(help: "Where it is (room, department).") var location: String = ""
        @Option(help: "A note.") var note: String = ""
        @Option(help: "Its condition now: good, fair, degraded or broken.") var condition: String = "good"
        @Option(help: "office (switched off outside office hours) or always; default: as its kind.") var schedule: DeviceSchedule?
        @Option(help: "How often to poll it, e.g. 1m, 1s to 1d (default: as its kind).", transform: DurationOption.interval) var interval: Duration?
        @Option(help: "Its SNMP version, 1, 2c or 3 (default: the config's).") var snmpVersion: SNMPVersion?
        @Option(help: "Its SNMP community, or @NAME for an entry of the secrets file's [snmp.communities], which keeps the community out of the database and of ps (default: the config's).") var snmpCommunity: String?
        @Option(help: "Its SNMP port (default: the config's).") var snmpPort: Int?
        @Option(help: "Who is adding it (default: your login name).") var by: String?
        @Option(help: "In service since, if not now: YYYY-MM-DD or YYYY-MM-DDTHH:MM in the office's time zone; its condition is dated from then.")
        var since: String?

        func validate() throws {
            guard DeviceKind(parsing: kind) != nil else {
                throw ValidationError("--kind " + DeviceKind.notAKind(kind))
            }
            guard Condition(parsing: condition) != nil else {
                throw ValidationError("--condition " + Condition.notACondition(condition))
            }
            let checks = [("NAME", DeviceTextRules.nameProblem(NameKey.clean(name))),
                          ("--location", DeviceTextRules.locationProblem(location)),
                          ("--note", DeviceTextRules.noteProblem(note)),
                          ("--snmp-community", snmpCommunity.flatMap(DeviceTextRules.communityProblem))]
            for case let (what, problem?) in checks { throw ValidationError("\(what) \(problem)") }
            if let snmpPort, Port(snmpPort) == nil { throw ValidationError("--snmp-port: \(Port.rangeDescription)") }
        }

        func run() async throws {
            let workspace = try global.workspace()
            let now = Date()
            let inService = try since.map { try workspace.pastDate($0, option: "--since", now: now) } ?? now
            guard let kind = DeviceKind(parsing: kind), let condition = Condition(parsing: condition) else { return }
            let store = try workspace.openStore()
            let device = try store.add(
                Device(name: name, kind: kind, address: address, location: location, note: note,
                       snmpVersion: snmpVersion, snmpCommunity: snmpCommunity, snmpPort: snmpPort,
                       schedule: schedule, pollInterval: interval?.seconds, createdAt: inService, enteredAt: now),
                condition: condition, by: CurrentUser.name(explicit: by), now: now)
            let address = device.address.isEmpty ? "" : ", \(device.address)"
            print(Say.text("added \(TerminalText.escaped(device.name)) (\(device.kind.rawValue)\(address))",
                           vi: "đã thêm \(TerminalText.escaped(device.name)) (\(device.kind.vietnamese)\(address))"))
        }
    }
}
