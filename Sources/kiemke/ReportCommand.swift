import Agent
import ArgumentParser
import Inventory

/// `kiemke report`: the digital-government section, from the data.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write section 6 (Chính quyền điện tử, Chính quyền số) of the report from the measured data.",
        discussion: "Default period: the current half-year to today. Vietnamese by default (config `language`).")

    @OptionGroup var global: GlobalOptions
    @Option(help: "2023-H1, 2023-H2, 2023, 2023-Q1 ... 2023-Q4.") var period: String?
    @Option(help: "First day, YYYY-MM-DD.") var from: String?
    @Option(help: "Last day, YYYY-MM-DD.") var to: String?
    @Option(help: "vi or en (default: the config's language, else vi).") var lang: ReportLanguage?
    @Option(help: "text (to paste into Word), markdown, json or csv (one row per device).") var format: ReportFormat = .text

    func run() async throws {
        let workspace = try global.workspace()
        let report = try workspace.report(store: workspace.openStoreForReading(),
                                          request: ReportRequest(period: period, from: from, to: to))
        let language = lang ?? workspace.configuration.language
        print(try report.rendered(format, language: language), terminator: "")
    }
}

extension ReportFormat: ExpressibleByArgument {}
