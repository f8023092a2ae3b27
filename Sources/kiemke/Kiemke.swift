import ArgumentParser
import Agent
import Foundation
import Inventory
import Probes

/// The root command: only parses arguments and hands the work to the libraries.
struct Kiemke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiemke",
        abstract: "Stocktake of an office's computers, printers, copiers, scanners and cameras.",
        discussion: """
            kiemke polls every device by ping, TCP and SNMP, keeps what it finds and the \
            conditions staff mark in one SQLite file, and writes the digital-government \
            section of the half-year report.

            Exit codes: 0 success, 1 runtime failure, 2 usage or input error.
            Environment: KIEMKE_DB (database file), KIEMKE_CONFIG (config file).
            """,
        version: "0.1.0",
        subcommands: [DevicesCommand.self, MarkCommand.self, HistoryCommand.self, ReportCommand.self, DaemonCommand.self, StatusCommand.self, ProbeCommand.self, PingCommand.self, WebCommand.self, UsersCommand.self]
    )
}

@main
enum Main {
    static func main() async {
        // Process-wide tuning is the executable's: every SNMP session and TCP connect is a descriptor.
        ResourceLimits.raiseOpenFilesLimit()
        do {
            var command = try Kiemke.parseAsRoot(GlobalArguments.hoisted(Array(CommandLine.arguments.dropFirst())))
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exitCode as ExitCode {
            exit(exitCode.rawValue)
        } catch {
            // Help and version requests, and usage errors, come from the argument parser.
            switch Kiemke.exitCode(for: error) {
            case .success:
                print(Kiemke.fullMessage(for: error))
                exit(ExitStatus.success)
            case .validationFailure:
                FileHandle.standardError.write(Data((TerminalText.escaped(Kiemke.fullMessage(for: error), keepingLineBreaks: true) + "\n").utf8))
                exit(ExitStatus.inputError)
            default:
                // Messages quote names, values and paths from files and devices: escape controls.
                FileHandle.standardError.write(Data("kiemke: \(TerminalText.escaped("\(error)", keepingLineBreaks: true))\n".utf8))
                exit(ExitStatus.code(for: error))
            }
        }
    }
}
