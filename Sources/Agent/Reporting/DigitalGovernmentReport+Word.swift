import Foundation
import Inventory

extension DigitalGovernmentReport {
    /// The report as a .docx file in `language`: section 6 alone, or the whole document in `layout`.
    public func docx(_ language: ReportLanguage, layout: ReportWordRenderer.Layout = .section) throws -> Data {
        try ReportWordRenderer(layout: layout).render(document(language))
    }

    /// The report in `format` as the bytes of a file: the text forms as UTF-8, DOCX as a Word file.
    public func file(_ format: ReportFormat, language: ReportLanguage, layout: ReportWordRenderer.Layout = .section) throws -> Data {
        format.isText ? Data(try rendered(format, language: language).utf8) : try docx(language, layout: layout)
    }
}

extension Configuration {
    /// The whole-document frame from the `[report]` keys; the issuing body defaults to the office's name.
    public var letterhead: ReportLetterhead {
        var letterhead = report.letterhead
        if letterhead.issuingBody.isEmpty && !office.isEmpty { letterhead.issuingBody = [office] }
        return letterhead
    }
}
