import Agent
import ArgumentParser
import Foundation
import Inventory
import KiemkeCore

extension DevicesCommand {
    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a device's address, location, kind, name, note or schedule in place; its history stays and records the edit.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The device's name (case ignored).") var name: String
        @Option(help: "Its new IPv4 or IPv6 address (\"\" for none).") var address: String?
        @Option(help: "Where it is now (room, department).") var location: String?
        @Option(help: "What it is: computer, scanner, copier, printer, camera, network or other (Vietnamese words too).") var kind: String?
        @Option(name: .customLong("name"), help: "Its new name.") var newName: String?
        @Option(help: "A new note.") var note: String?
        @Option(help: "office or always.") var schedule: DeviceSchedule?
        @Option(help: "Who made the change (default: your login name).") var by: String?

        func validate() throws {
            if let kind, DeviceKind(parsing: kind) == nil {
                throw ValidationError("--kind " + DeviceKind.notAKind(kind))
            }
            if let address, let problem = DeviceAddress.problem(with: address.trimmingCharacters(in: .whitespaces)) {
                throw ValidationError("--address \"\(address)\": \(problem)")
            }
        }

        func run() async throws {
            let store = try global.workspace().openExistingStore()
            let changes = DeviceChanges(name: newName, kind: kind.flatMap(DeviceKind.init(parsing:)), address: address,
                                        location: location, note: note, schedule: schedule)
            let (device, what) = try store.edit(named: name, changes, by: CurrentUser.name(explicit: by))
            let name = TerminalText.escaped(device.name)
            print(what.isEmpty ? Say.text("\(name): nothing changed (the values were already so)", vi: "\(name): không có gì thay đổi (các giá trị vốn đã như vậy)")
                               : "\(name): \(TerminalText.escaped(what))")
        }
    }
}
