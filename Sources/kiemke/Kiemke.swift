import ArgumentParser

@main
struct Kiemke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kiemke", subcommands: [PingCommand.self])
}
