import Agent
import ArgumentParser
import Inventory

/// `kiemke history NAME`: what happened to a device, newest first by when it happened.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List a device's condition marks and probe state changes, newest first by when they happened; a back-dated mark also says when it was entered.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The device's name (case ignored).") var name: String

    func run() async throws {
        let store = try global.workspace().openStoreForReading()
        print(try DeviceDetail(store: store, name: name).historyText(language: MessageLanguage.current), terminator: "")
    }
}
