import Agent
import ArgumentParser
import Foundation
import Inventory

extension DevicesCommand {
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a device list from a UTF-8 CSV file; a file with any bad row imports nothing.",
            discussion: """
                Header: name,kind,address,location,condition,note, optionally snmp_version, \
                snmp_community, snmp_port, schedule, interval, since (in service since) and \
                condition_since (YYYY-MM-DD or YYYY-MM-DDTHH:MM, office time zone); other columns \
                are ignored. Devices already in the database (same name, case ignored) are \
                updated; a changed condition is recorded as a new mark.
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The CSV file.") var file: String
        @Option(help: "Who is recorded on the condition marks (default: your login name).") var by: String?

        func run() async throws {
            let store = try global.workspace().openStore()
            let summary = try DeviceImporter(store: store)
                .importFile(at: URL(fileURLWithPath: file), by: CurrentUser.name(explicit: by))
            print("\(file): \(summary.text(MessageLanguage.current))")
        }
    }
}
