import Agent
import ArgumentParser
import Foundation
import Inventory

extension DevicesCommand {
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a device list from a UTF-8 CSV file (- reads standard input); a file with any bad row imports nothing.",
            discussion: """
                Header: name,kind,address,location,condition,note, optionally snmp_version, \
                snmp_community, snmp_port, schedule, interval, since (in service since) and \
                condition_since (YYYY-MM-DD or YYYY-MM-DDTHH:MM, office time zone); other columns \
                are ignored; headers may be in Vietnamese (tên, loại, địa chỉ...). Fields may be separated \
                by commas, semicolons (Excel with Vietnamese settings) or tabs: the header decides. Two \
                devices may share an address only when their rows say yes in shared_address. Devices already in the database (same name, case ignored) are \
                updated; a changed condition is recorded as a new mark.
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The CSV file, or - for standard input.") var file: String
        @Option(help: "Who is recorded on the condition marks (default: your login name).") var by: String?

        func run() async throws {
            let workspace = try global.workspace()
            // Read before the database is opened: a wrong path or an empty file creates nothing.
            let (data, name) = try ImportSource.read(file)
            let parsed = try DeviceImporter.read(data, file: name)
            let summary = try DeviceImporter(store: workspace.openStore()).importParsed(parsed, by: CurrentUser.name(explicit: by))
            let shown = file == "-" ? ImportSource.standardInputName : TerminalText.escaped(file)
            print("\(shown): " + Say.text("\(summary) (read with \(summary.separator.name) between fields)",
                                           vi: "\(summary.vietnamese) (các trường cách nhau bằng \(summary.separator.vietnameseName))"))
        }
    }
}
