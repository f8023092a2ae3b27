import Agent
import ArgumentParser
import Foundation
import Inventory

/// `kiemke report`: the digital-government section, from the data.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write section 6 (Chính quyền điện tử, Chính quyền số) of the report from the measured data.",
        discussion: """
            Default period: the current half-year to now; a running period ends now, one that has not \
            started is refused. Vietnamese by default (config `language`). The text to paste comes \
            first; notes for the person making the report follow a separator line.
            --format docx writes a Word document formatted per Nghị định 30/2020/NĐ-CP to --output: \
            section 6 alone, or with --document a stand-alone report whose issuing body, number, \
            place, signer and recipients come from the config's [report] keys.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "2023-H1, 2023-H2, 2023, 2023-Q1 ... 2023-Q4.") var period: String?
    @Option(help: "First day, YYYY-MM-DD.") var from: String?
    @Option(help: "Last day, YYYY-MM-DD.") var to: String?
    @Option(help: "vi or en (default: the config's language, else vi).") var lang: ReportLanguage?
    @Option(help: "text (to paste into Word), markdown, json, csv (one row per device) or docx (a Word document; needs --output).")
    var format: ReportFormat = .text
    @Option(help: "Write the report to this file, whole or not at all, instead of printing it (required for docx).")
    var output: String?
    @Flag(help: "With --format docx: the whole report as its own document (issuing body, national motto, number, place and date, title, recipients, signature), not section 6 alone.")
    var document = false

    func validate() throws {
        if format == .docx && output == nil {
            throw ValidationError(Say.text("--format docx writes a Word file, which is never printed to the terminal: add --output FILE.docx",
                                           vi: "--format docx ghi ra tệp Word, không bao giờ in ra màn hình: hãy thêm --output TỆP.docx"))
        }
        if document && format != .docx {
            throw ValidationError(Say.text("--document lays out a Word document: use it with --format docx --output FILE.docx",
                                           vi: "--document trình bày thành văn bản Word: hãy dùng cùng --format docx --output TỆP.docx"))
        }
    }
    @Flag(help: "CSV without the UTF-8 byte-order mark Excel needs to show Vietnamese (for scripts).") var noBom = false
    @Option(help: "Report from the province's PostgreSQL (postgres://USER@HOST/DATABASE) instead of this office's database: one row per commune.")
    var fromProvince: String?
    @Option(help: "With --from-province: that one office's own section, as it prints it locally.") var office: String?
    @Option(help: "With --from-province: list communes whose last sync is older than this (default 2d).") var staleAfter = "2d"

    func run() async throws {
        if let output { try ReportFileWriter.check(output) }
        if office != nil && fromProvince == nil { throw ValidationError(Say.text("--office names a commune in the province's database: use it with --from-province URL",
                                                                                             vi: "--office là mã một xã trong cơ sở dữ liệu của tỉnh: hãy dùng cùng --from-province URL")) }
        let workspace = try global.workspace()
        if let fromProvince {
            let staleAfter = try DurationOption.parse(self.staleAfter, in: .seconds(60) ... .seconds(365 * 86_400))
            let request = ProvinceReportRequest(url: fromProvince, office: office, period: ReportRequest(period: period, from: from, to: to),
                                                staleAfter: staleAfter)
            return try await request.run(workspace: workspace, format: format, language: lang ?? workspace.configuration.language,
                                         output: output, bom: format == .csv && !noBom)
        }
        let now = try ReportClock.now()
        // The period is checked before the database is opened: a bad date touches no file.
        let request = ReportRequest(period: period, from: from, to: to)
        _ = try request.resolve(now: now, calendar: workspace.configuration.schedule.calendar)
        let report = try workspace.report(store: workspace.openStoreForReading(), request: request, now: now)
        let language = lang ?? workspace.configuration.language
        if format == .docx, let output {
            let layout: ReportWordRenderer.Layout = document ? .document(workspace.configuration.letterhead) : .section
            try ReportFileWriter.write(try report.file(format, language: language, layout: layout), to: output)
            return
        }
        // Excel opens a CSV without a byte-order mark as the PC's legacy code page: "Mﾃ｡y tﾃｭnh".
        let bom = format == .csv && !noBom ? "\u{FEFF}" : ""
        var text = try report.rendered(format, language: language)
        if format == .csv && language == .vi { text = ReportCSVHeaders.translated(text) }
        if let output {
            try ReportFileWriter.write(Data((bom + text).utf8), to: output)
        } else {
            print(format == .csv ? bom + TerminalOutput.data(text) : text, terminator: "")
        }
    }
}

extension ReportFormat: ExpressibleByArgument {}
