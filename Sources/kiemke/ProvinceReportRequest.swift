import Agent
import ArgumentParser
import Foundation
import Inventory
import Logging
import ProvinceStore

/// `kiemke report --from-province URL [--office CODE]`: the province's table, or one commune's
/// own section, from the central copy.
struct ProvinceReportRequest {
    var url: String
    var office: String?
    var period: ReportRequest
    var staleAfter: Duration

    func run(workspace: Workspace, format: ReportFormat, language: ReportLanguage, output: String?, bom: Bool) async throws {
        let now = try ReportClock.now()
        let parsed: ProvinceURL
        do { parsed = try ProvinceURL(url) } catch { throw InputError("--from-province: \(error)", vi: "--from-province: \(error.vietnamese)") }
        // The province's calendar: Vietnam's; each commune's own hours still decide its figures.
        let calendar = OfficeHours().calendar
        let reportPeriod = try period.resolve(now: now, calendar: calendar)
        let connection = try await ProvinceConnection.connect(parsed, logger: Logger(label: "kiemke.province"))
        do {
            _ = try await ProvinceSchema.version(connection)
            if let office {
                let report = try await ProvinceReport.office(office, on: connection, period: reportPeriod, now: now)
                await connection.close()
                if format == .docx, let output {
                    try ReportFileWriter.write(try report.file(.docx, language: language, layout: .section), to: output)
                    return
                }
                var text = try report.rendered(format, language: language)
                if format == .csv && language == .vi { text = ReportCSVHeaders.translated(text) }
                try emit(text, format: format, output: output, bom: bom)
                return
            }
            let report = try await ProvinceReport.make(on: connection, period: reportPeriod, now: now,
                                                       staleAfter: Double(staleAfter.components.seconds))
            await connection.close()
            if format == .docx, let output {
                // The same Word renderer as the local report's, over the table as a ReportDocument.
                try ReportFileWriter.write(try ReportWordRenderer(layout: .section).render(report.document(language)), to: output)
                return
            }
            try emit(try report.rendered(format, language: language), format: format, output: output, bom: bom)
        } catch {
            await connection.close()
            throw error
        }
    }

    private func emit(_ text: String, format: ReportFormat, output: String?, bom: Bool) throws {
        let mark = bom ? "\u{FEFF}" : ""
        if let output {
            try ReportFileWriter.write(Data((mark + text).utf8), to: output)
        } else {
            print(format == .csv ? mark + TerminalOutput.data(text) : text, terminator: "")
        }
    }
}
