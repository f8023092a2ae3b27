import Agent
import ArgumentParser
import Inventory

extension DevicesCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show everything known of one device (a retired one too): condition, state, what it reported, history.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The device's name (case ignored).") var name: String
        @Option(help: "text or json.") var format: Format = .text

        func run() async throws {
            let store = try global.workspace().openStoreForReading()
            let detail = try DeviceDetail(store: store, name: name)
            print(format == .json ? try detail.json() : detail.text(language: MessageLanguage.current), terminator: "")
        }
    }
}
