extension DigitalGovernmentReport {
    /// The report as a document in `language`.
    public func document(_ language: ReportLanguage) -> ReportDocument {
        ReportDocumentBuilder(phrases: language.phrases).build(self)
    }

    /// The report written in `format` and `language`, as `kiemke report` prints it.
    public func rendered(_ format: ReportFormat, language: ReportLanguage) throws -> String {
        guard let renderer = format.renderer else { throw ReportFormat.NotText(format: format) }
        return try renderer.render(document(language))
    }

    /// The section as prose to paste into the Word report.
    public func text(_ language: ReportLanguage) -> String {
        ReportTextRenderer().render(document(language))
    }

    /// The section as Markdown: the prose, then a table of figures.
    public func markdown(_ language: ReportLanguage) -> String {
        ReportMarkdownRenderer().render(document(language))
    }

    /// The JSON contract: figures with their numerators and denominators, unknowns as null.
    public func json() throws -> String {
        try ReportJSONRenderer().render(document(.en))
    }

    /// One row per device, for a spreadsheet.
    public func csv() -> String {
        ReportCSVRenderer().render(document(.en))
    }
}
