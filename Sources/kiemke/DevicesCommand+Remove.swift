import ArgumentParser
import Inventory

extension DevicesCommand {
    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Retire a device: it leaves the counts from now on; its history stays.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The device's name (case ignored).") var name: String

        func run() async throws {
            let device = try global.workspace().openExistingStore().retire(named: name)
            print(Say.text("retired \(TerminalText.escaped(device.name)); its history stays in the database",
                           vi: "đã cho \(TerminalText.escaped(device.name)) ngừng sử dụng; lịch sử vẫn giữ trong cơ sở dữ liệu"))
        }
    }
}
