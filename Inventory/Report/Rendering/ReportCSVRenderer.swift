/// The device table as CSV, one row per device, for a spreadsheet.
public struct ReportCSVRenderer: ReportRenderer {
    public init() {}

    public func render(_ document: ReportDocument) -> String {
        let style = NumberStyle(document.language)
        let table = document.deviceTable
        let lines = [CSVReader.line(table.columns.map(\.title))] + table.rows.map { CSVReader.line($0.map { $0.plain(style) }) }
        return lines.joined(separator: "\n") + "\n"
    }
}
