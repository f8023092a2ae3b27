import ArgumentParser

/// `kiemke devices ...`: the equipment list.
struct DevicesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devices",
        abstract: "Import, add, edit, list, show and retire devices.",
        subcommands: [Import.self, Add.self, Edit.self, List.self, Show.self, Remove.self]
    )
}
