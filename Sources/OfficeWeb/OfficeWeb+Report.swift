import Agent
import Foundation
import Hummingbird
import Inventory

extension OfficeWeb {
    func addReportRoutes(to router: Router<WebContext>) {
        router.get("/report") { request, _ in
            let (web, refused) = self.reader(request)
            if let refused { return refused }
            return try await self.reportPage(web)
        }
        router.get("/report/download") { request, _ in
            let (web, refused) = self.reader(request)
            if let refused { return refused }
            return try await self.reportDownload(web)
        }
    }

    /// What the query asks for, as `kiemke report` reads its options.
    func reportRequest(_ web: WebRequest) -> ReportRequest {
        func field(_ name: String) -> String? { web.query.text(name).isEmpty ? nil : web.query.text(name) }
        return ReportRequest(period: field("period"), from: field("from"), to: field("to"))
    }

    /// The report the request names, computed by the same pipeline as `kiemke report`.
    func report(_ request: ReportRequest) async throws -> DigitalGovernmentReport {
        let store = self.store
        let configuration = self.configuration
        let now = self.now()
        return try await Blocking.run {
            let period = try request.resolve(now: now, calendar: configuration.schedule.calendar)
            return try DigitalGovernmentReport(store: store, period: period, hours: configuration.schedule, office: configuration.office,
                                               readiness: configuration.readiness, now: now)
        }
    }

    func reportPage(_ web: WebRequest) async throws -> Response {
        let request = reportRequest(web)
        let calendar = configuration.schedule.calendar
        let today = DayKey(now(), calendar: calendar)
        // The current half-year and the five before it.
        var periods: [String] = []
        var (year, half) = (today.year, today.month <= 6 ? 1 : 2)
        for _ in 0..<6 {
            periods.append("\(year)-H\(half)")
            if half == 1 { (year, half) = (year - 1, 2) } else { half = 1 }
        }
        var values: [String: Any?] = [
            "periods": periods.map { ["value": $0, "selected": $0 == request.period] as [String: Any] },
            "from": request.from.map { ShownText.cut($0, limit: 20) }, "to": request.to.map { ShownText.cut($0, limit: 20) },
        ]
        var status = HTTPResponse.Status.ok
        do {
            let report = try await report(request)
            values["text"] = try report.rendered(.text, language: web.language.report)
            var query: [String] = []
            if let period = request.period { query.append("period=" + ShownText.queryValue(period)) }
            if let from = request.from { query.append("from=" + ShownText.queryValue(from)) }
            if let to = request.to { query.append("to=" + ShownText.queryValue(to)) }
            query.append("lang=" + web.language.rawValue)
            values["downloads"] = [("text", "TXT"), ("markdown", "Markdown"), ("csv", "CSV"), ("json", "JSON"), ("docx", "DOCX")].map { format, label in
                ["href": "/report/download?format=\(format)&" + query.joined(separator: "&"), "label": label]
            }
        } catch {
            guard Self.isInputError(error) || error is InputError else { throw error }
            values["problem"] = Self.message(for: error)
            status = .badRequest
        }
        return page("report", title: web.word("report.title"), values: Self.values(values), web: web, status: status)
    }

    func reportDownload(_ web: WebRequest) async throws -> Response {
        guard let format = ReportFormat(rawValue: web.query.text("format")) else {
            return messagePage("format: text, markdown, csv, json, docx", web: web, status: .badRequest, back: "/report")
        }
        let request = reportRequest(web)
        let report: DigitalGovernmentReport
        do {
            report = try await self.report(request)
        } catch {
            guard Self.isInputError(error) || error is InputError else { throw error }
            return messagePage(Self.message(for: error), web: web, status: .badRequest, back: "/report")
        }
        let language = web.language.report
        var data = try report.file(format, language: language)
        // Excel opens a CSV without a byte-order mark in the PC's legacy code page.
        if format == .csv { data = Data("\u{FEFF}".utf8) + data }
        let (type, suffix): (String, String) = switch format {
        case .text: ("text/plain; charset=utf-8", "txt")
        case .markdown: ("text/markdown; charset=utf-8", "md")
        case .csv: ("text/csv; charset=utf-8", "csv")
        case .json: ("application/json", "json")
        case .docx: ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx")
        }
        let span = request.period ?? [request.from, request.to].compactMap { $0 }.joined(separator: "_")
        return Self.file(data, type: type, name: "bao-cao-muc-6\(span.isEmpty ? "" : "-" + span).\(suffix)")
    }
}
