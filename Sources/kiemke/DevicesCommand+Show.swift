import ArgumentParser
import Inventory

extension DevicesCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one device and its condition history.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The device's name (case ignored).") var name: String

        func run() async throws {
            let store = try global.workspace().openStoreForReading()
            print(try DeviceDetail(store: store, name: name).text(), terminator: "")
        }
    }
}
