import Foundation
import Hummingbird
import Inventory
import KiemkeCore

extension OfficeWeb {
    func addReadingRoutes(to router: Router<WebContext>) {
        router.get("/healthz") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
        }
        router.get("/style.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: WebTemplates.stylesheet)))
        }
        router.get("/metrics") { _, _ in
            let store = self.store
            let now = self.now()
            let cycle = self.cycle.value
            let text = try await Blocking.run { try MetricsText.render(store: store, now: now, cycleSeconds: cycle) }
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        router.get("/") { request, _ in
            let (web, refused) = self.reader(request)
            if let refused { return refused }
            return try await self.statusPage(web, notice: self.notice(web))
        }
        router.get("/devices/:name") { request, context in
            let (web, refused) = self.reader(request)
            if let refused { return refused }
            return try await self.devicePage(web, name: Self.deviceName(context), notice: self.notice(web))
        }
    }

    /// The status page: the kept table for this view (see `StatusPageCache`), then the mark form,
    /// which carries this reader's token and name and so is made per request.
    func statusPage(_ web: WebRequest, notice: String? = nil) async throws -> Response {
        let store = self.store
        let now = self.now()
        let view = StatusTable.View(web)
        let timeZone = configuration.schedule.calendar.timeZone
        let zone = "\(timeZone.identifier) (\(OfficeDate.offset(timeZone, at: now)))"
        let table = try await statusCache.table(view) {
            try StatusTable(listing: StatusListing(store: store, now: now), view: view, zone: zone, timeZone: timeZone)
        }
        let canMark = web.allows(.clerk)
        var values: [String: Any] = ["conditionOptions": conditionOptions(web.language)]
        if canMark {
            values["canMark"] = true
            values["datalist"] = table.datalist
        }
        return page("statusMark", title: web.word("status.title"), values: values, web: web, notice: notice, refresh: 60,
                    before: table.html)
    }

    func conditionOptions(_ language: WebLanguage) -> [[String: String]] {
        Condition.allCases.map { ["value": $0.rawValue, "label": language.condition($0)] }
    }
}
