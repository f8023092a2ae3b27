/// The report as a document: sections of headings, paragraphs, lists and tables in one language,
/// with the figures behind them.
///
/// Every format renders this one value, so text, Markdown, JSON and CSV state the same figures.
public struct ReportDocument: Sendable {
    public var language: ReportLanguage
    /// The section as it is read: heading, prose, lists, the table of figures.
    public var sections: [ReportSection]
    /// One row per device, for a spreadsheet (the CSV form); column titles are stable keys.
    public var deviceTable: ReportTable
    /// The figures the prose states, with numerators and denominators (the JSON form).
    public var figures: DigitalGovernmentReport

    public init(language: ReportLanguage, sections: [ReportSection], deviceTable: ReportTable, figures: DigitalGovernmentReport) {
        self.language = language
        self.sections = sections
        self.deviceTable = deviceTable
        self.figures = figures
    }
}
