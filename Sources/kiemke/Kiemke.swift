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
        subcommands: [DevicesCommand.self, MarkCommand.self, HistoryCommand.self, ReportCommand.self, DaemonCommand.self, StatusCommand.self, ProbeCommand.self, PingCommand.self, DiscoverCommand.self, SyncCommand.self, ProvinceCommand.self, WebCommand.self, UsersCommand.self]
    )
}

@main
enum Main {
    static func main() async {
        // Process-wide tuning is the executable's: every SNMP session and TCP connect is a descriptor.
        ResourceLimits.raiseOpenFilesLimit()
        // Before any probe thread starts: a read's bursts then reuse two malloc arenas instead of
        // leaving freed memory in one arena per thread that happened to run them.
        MemoryTuning.limitArenas()
        let language = MessageLanguage.current
        do {
            var command = try Kiemke.parseAsRoot(GlobalArguments.hoisted(Array(CommandLine.arguments.dropFirst())))
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            DatabaseOwnership.handOver()
        } catch let exitCode as ExitCode {
            DatabaseOwnership.handOver()
            exit(exitCode.rawValue)
        } catch {
            DatabaseOwnership.handOver()
            // Help and version requests, and usage errors, come from the argument parser.
            switch Kiemke.exitCode(for: error) {
            case .success:
                print(parserMessage(for: error, language: language))
                exit(ExitStatus.success)
            case .validationFailure:
                FileHandle.standardError.write(Data((TerminalText.escaped(parserMessage(for: error, language: language), keepingLineBreaks: true) + "\n").utf8))
                exit(ExitStatus.inputError)
            default:
                // Messages quote names, values and paths from files and devices: escape controls.
                FileHandle.standardError.write(Data((TerminalText.escaped(ErrorMessages.line(for: error, language: language), keepingLineBreaks: true) + "\n").utf8))
                exit(ExitStatus.code(for: error))
            }
        }
    }

    /// The parser's help screen or usage error, in `language`.
    static func parserMessage(for error: any Error, language: ReportLanguage) -> String {
        switch language {
        case .en: Kiemke.fullMessage(for: error)
        case .vi: ParserText.vietnamese(Kiemke.fullMessage(for: error, columns: ParserText.unwrapped))
        }
    }
}
