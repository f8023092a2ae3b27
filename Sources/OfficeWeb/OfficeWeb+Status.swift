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

    /// Sortable columns of the status table, in order.
    static let statusColumns = ["name", "kind", "location", "condition", "state", "since", "lastProbe", "rtt"]

    func statusPage(_ web: WebRequest, notice: String? = nil) async throws -> Response {
        let store = self.store
        let now = self.now()
        let listing = try await Blocking.run { try StatusListing(store: store, now: now) }
        let language = web.language
        let dates = OfficeDate.Format(timeZone: configuration.schedule.calendar.timeZone)
        var attention: [String: [String]] = [:]
        for item in listing.attention { attention[item.name, default: []].append(language.attention(item.attention)) }

        func stateKey(_ entry: StatusListing.Entry) -> String {
            entry.device.address.isEmpty ? "noAddress" : (entry.state?.state.rawValue ?? "none")
        }
        let kindFilter = web.query.text("kind"), locationFilter = web.query.text("location"), stateFilter = web.query.text("state")
        var entries = listing.entries.filter { entry in
            (kindFilter.isEmpty || entry.device.kind.rawValue == kindFilter)
                && (locationFilter.isEmpty || entry.device.location == locationFilter)
                && (stateFilter.isEmpty || stateKey(entry) == stateFilter)
        }
        let sort = Self.statusColumns.contains(web.query.text("sort")) ? web.query.text("sort") : "name"
        let descending = web.query.text("order") == "desc"
        func less(_ a: StatusListing.Entry, _ b: StatusListing.Entry) -> Bool {
            switch sort {
            case "kind": a.device.kind < b.device.kind
            case "location": a.device.location.localizedStandardCompare(b.device.location) == .orderedAscending
            case "condition": (a.condition?.rawValue ?? "") < (b.condition?.rawValue ?? "")
            case "state": stateKey(a) < stateKey(b)
            case "since": (a.state?.since ?? .distantPast) < (b.state?.since ?? .distantPast)
            case "lastProbe": (a.state?.lastProbe ?? .distantPast) < (b.state?.lastProbe ?? .distantPast)
            case "rtt": (a.state?.lastRttMs ?? .infinity) < (b.state?.lastRttMs ?? .infinity)
            default: a.device.nameKey < b.device.nameKey
            }
        }
        if sort != "name" || descending {
            entries = entries.enumerated().sorted { x, y in
                let (a, b) = descending ? (y.element, x.element) : (x.element, y.element)
                return less(a, b) || (!less(b, a) && x.offset < y.offset)
            }.map(\.element)
        }
        let rows: [[String: Any]] = entries.map { e in
            let s = e.state
            let key = stateKey(e)
            return Self.values([
                "name": ShownText.cut(e.device.name, limit: 100), "path": ShownText.pathSegment(e.device.name),
                "kind": language.kind(e.device.kind), "location": ShownText.cut(e.device.location, limit: 100),
                "condition": e.condition.map(language.condition) ?? "-", "conditionClass": e.condition?.rawValue ?? "none",
                "state": web.word("state." + key), "stateClass": key,
                "since": s.map { dates.string($0.since) } ?? "-", "lastProbe": s.map { dates.string($0.lastProbe) } ?? "-",
                "rtt": s?.lastRttMs.map { String(format: "%.1f ms", $0) } ?? "-",
                "attention": ShownText.cut((attention[e.device.name] ?? []).joined(separator: "; "), limit: 300),
            ])
        }
        let counts = listing.counts
        let kinds: [[String: Any]] = DeviceKind.allCases.compactMap { kind in
            let count = listing.entries.count { $0.device.kind == kind }
            return count == 0 ? nil : ["label": language.kind(kind), "count": count]
        }
        func href(_ column: String) -> String {
            var fields = web.query.values
            fields["sort"] = column
            fields["order"] = (column == sort && !descending) ? "desc" : "asc"
            fields["lang"] = nil
            return "/?" + fields.sorted { $0.key < $1.key }.map { "\($0.key)=\(ShownText.queryValue($0.value))" }.joined(separator: "&")
        }
        let labels = ["name": "col.name", "kind": "col.kind", "location": "col.location", "condition": "col.condition",
                      "state": "col.state", "since": "col.since", "lastProbe": "col.lastProbe", "rtt": "col.rtt"]
        let locations = Set(listing.entries.map(\.device.location)).filter { !$0.isEmpty }.sorted()
        let stateKeys = ["up", "down", "off", "unknown", "none", "noAddress"]
        let values = Self.values([
            "counts": ["total": counts.total],
            "summary": summary(counts, web: web),
            "kinds": kinds,
            "kindOptions": DeviceKind.allCases.map { ["value": $0.rawValue, "label": language.kind($0), "selected": $0.rawValue == kindFilter] as [String: Any] },
            "locationOptions": locations.map { ["value": ShownText.cut($0, limit: 100), "selected": $0 == locationFilter] as [String: Any] },
            "stateOptions": stateKeys.map { ["value": $0, "label": web.word("state." + $0), "selected": $0 == stateFilter] as [String: Any] },
            "sort": sort,
            "columns": Self.statusColumns.map { ["href": href($0), "label": web.word(labels[$0]!)] },
            "rows": rows,
            "zone": "\(configuration.schedule.calendar.timeZone.identifier) (\(OfficeDate.offset(configuration.schedule.calendar.timeZone, at: now)))",
            "canMark": web.allows(.clerk),
            "conditionOptions": conditionOptions(language),
        ])
        return page("status", title: web.word("status.title"), values: values, web: web, notice: notice, refresh: 60)
    }

    func conditionOptions(_ language: WebLanguage) -> [[String: String]] {
        Condition.allCases.map { ["value": $0.rawValue, "label": language.condition($0)] }
    }

    /// "20 up, 24 off, 0 down ..." in the page's language; the parts add up to the total.
    func summary(_ c: StatusListing.Counts, web: WebRequest) -> String {
        var parts = ["\(c.up) \(web.word("state.up"))", "\(c.off) \(web.word("state.off"))", "\(c.down) \(web.word("state.down"))"]
        if c.unconfirmed > 0 { parts.append("\(c.unconfirmed) \(web.word("state.unknown"))") }
        if c.notProbed > 0 { parts.append("\(c.notProbed) \(web.word("state.none"))") }
        if c.noAddress > 0 { parts.append("\(c.noAddress) \(web.word("state.noAddress"))") }
        return parts.joined(separator: ", ")
    }
}
