import Agent
import ArgumentParser
import Inventory

/// `kiemke status`: every device's state now.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show every device's condition, up/down state, since when, round-trip time and what needs attention.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @OptionGroup var global: GlobalOptions
    @Option(help: "table or json.") var format: Format = .table

    func run() async throws {
        let status = try StatusListing(store: global.workspace().openStoreForReading())
        print(format == .json ? try status.json() : status.table(language: MessageLanguage.current), terminator: "")
    }
}
