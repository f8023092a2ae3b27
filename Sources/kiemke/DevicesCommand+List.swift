import ArgumentParser
import Inventory

extension DevicesCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the devices (the CSV output imports back).")

        enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

        @OptionGroup var global: GlobalOptions
        @Option(help: "table, json or csv.") var format: Format = .table
        @Flag(help: "Include retired devices.") var all = false

        func run() async throws {
            let listing = try DeviceListing(store: global.workspace().openStoreForReading(), includeRetired: all)
            switch format {
            case .table: print(listing.table(), terminator: "")
            case .json: print(try listing.json(), terminator: "")
            case .csv: print(TerminalOutput.data(listing.csv()), terminator: "")
            }
        }
    }
}
