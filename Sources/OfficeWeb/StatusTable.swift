import Foundation
import Inventory
import KiemkeCore

/// The part of the status page that is the same for every reader of one view (language, filters,
/// sort): the counts, the filter form and the table of devices, built by plain string building
/// with `HTMLText` escaping everything devices and files said. The template engine spent ~40 ms
/// on 1,000 rows looking values up through boxed dictionaries; this takes a few. The parts that
/// depend on who reads (the mark form's token, the user's name) are added per request.
struct StatusTable: Sendable {
    /// Which status page a request asks for: the cache's key. Everything the table's text depends on.
    struct View: Hashable, Sendable {
        var language: WebLanguage
        var kind: String
        var location: String
        var state: String
        var sort: String
        var descending: Bool

        init(_ web: WebRequest) {
            language = web.language
            kind = web.query.text("kind")
            location = web.query.text("location")
            state = web.query.text("state")
            let asked = web.query.text("sort")
            sort = StatusTable.columns.contains(asked) ? asked : "name"
            descending = web.query.text("order") == "desc"
        }
    }

    /// Sortable columns of the status table, in order, with their headings' phrase keys.
    static let columns = ["name", "kind", "location", "condition", "state", "since", "lastProbe", "rtt"]
    static let stateKeys = ["up", "down", "off", "unknown", "none", "noAddress"]

    /// Counts, the filter form, the table and the line under it.
    var html: String
    /// `<datalist>` of the shown devices' names, for the status page's mark form.
    var datalist: String

    init(listing: StatusListing, view: View, zone: String, timeZone: TimeZone) {
        let words = view.language.words
        func word(_ key: String) -> String { words[key] ?? key }
        func stateKey(_ entry: StatusListing.Entry) -> String {
            entry.device.address.isEmpty ? "noAddress" : (entry.state?.state.rawValue ?? "none")
        }
        var attention: [String: [String]] = [:]
        for item in listing.attention { attention[item.name, default: []].append(view.language.attention(item.attention)) }

        var entries = listing.entries.filter { entry in
            (view.kind.isEmpty || entry.device.kind.rawValue == view.kind)
                && (view.location.isEmpty || entry.device.location == view.location)
                && (view.state.isEmpty || stateKey(entry) == view.state)
        }
        let sort = view.sort, descending = view.descending
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
            // Stable: equal keys keep the listing's (name) order, in either direction.
            entries = entries.enumerated().sorted { x, y in
                let (a, b) = descending ? (y.element, x.element) : (x.element, y.element)
                return less(a, b) || (!less(b, a) && x.offset < y.offset)
            }.map(\.element)
        }

        var out = ""
        out.reserveCapacity(300 * entries.count + 4_096)
        func text(_ value: String) { HTMLText.append(value, to: &out) }

        // The counts, over every device (not only the filtered ones).
        let counts = listing.counts
        out += "<p class=\"counts\"><strong>"; text(word("status.total")); out += ": \(counts.total)</strong> — "
        text(Self.summary(counts, word: word)); out += "</p>\n<p class=\"counts\">"; text(word("status.byKind")); out += ": "
        var byKind: [DeviceKind: Int] = [:]
        for entry in listing.entries { byKind[entry.device.kind, default: 0] += 1 }
        for kind in DeviceKind.allCases {
            guard let count = byKind[kind], count > 0 else { continue }
            out += "<span class=\"kind\">"; text(view.language.kind(kind)); out += ": \(count)</span> "
        }
        out += "</p>\n"

        // The filter form.
        func option(_ value: String, _ label: String, selected: Bool) {
            out += "<option value=\""; text(value); out += selected ? "\" selected>" : "\">"; text(label); out += "</option>"
        }
        func select(_ name: String, _ heading: String, options: () -> Void) {
            out += "<label>"; text(word(heading)); out += " <select name=\"\(name)\"><option value=\"\">"; text(word("status.all"))
            out += "</option>"; options(); out += "</select></label>\n"
        }
        out += "<form method=\"get\" action=\"/\" class=\"filter\">\n"
        select("kind", "col.kind") {
            for kind in DeviceKind.allCases { option(kind.rawValue, view.language.kind(kind), selected: kind.rawValue == view.kind) }
        }
        select("location", "col.location") {
            let locations = Set(listing.entries.map(\.device.location)).filter { !$0.isEmpty }.sorted()
            for location in locations {
                let shown = ShownText.cut(location, limit: 100)
                option(shown, shown, selected: location == view.location)
            }
        }
        select("state", "col.state") {
            for key in Self.stateKeys { option(key, word("state." + key), selected: key == view.state) }
        }
        out += "<input type=\"hidden\" name=\"sort\" value=\"\(sort)\">"
        if descending { out += "<input type=\"hidden\" name=\"order\" value=\"desc\">" }
        out += "\n<button>"; text(word("status.filter")); out += "</button>\n</form>\n"

        // The table: headings link to the same view sorted by them (again: the other way round).
        out += "<table class=\"status\">\n<thead><tr>"
        for column in Self.columns {
            var fields = ["kind": view.kind, "location": view.location, "state": view.state].filter { !$0.value.isEmpty }
            fields["sort"] = column
            fields["order"] = (column == sort && !descending) ? "desc" : "asc"
            let href = "/?" + fields.sorted { $0.key < $1.key }.map { "\($0.key)=\(ShownText.queryValue($0.value))" }.joined(separator: "&")
            out += "<th><a href=\""; text(href); out += "\">"; text(word("col." + column)); out += "</a></th>"
        }
        out += "<th>"; text(word("col.attention")); out += "</th></tr></thead>\n<tbody>\n"

        // Many devices share a minute (a cycle probes them together): format each minute once.
        let format = OfficeDate.Format(timeZone: timeZone)
        var minutes: [Int64: String] = [:]
        func date(_ moment: Date) -> String {
            let minute = Int64((moment.timeIntervalSince1970 / 60).rounded(.down))
            if let known = minutes[minute] { return known }
            let shown = format.string(moment)
            minutes[minute] = shown
            return shown
        }
        let kindNames = Dictionary(uniqueKeysWithValues: DeviceKind.allCases.map { ($0, view.language.kind($0)) })
        let conditionNames = Dictionary(uniqueKeysWithValues: Condition.allCases.map { ($0, view.language.condition($0)) })
        var names = "<datalist id=\"device-names\">"
        for entry in entries {
            let state = entry.state, key = stateKey(entry)
            let name = ShownText.cut(entry.device.name, limit: 100)
            out += "<tr class=\"\(key)\"><td><a href=\"/devices/"; out += ShownText.pathSegment(entry.device.name); out += "\">"
            text(name); out += "</a></td><td>"
            text(kindNames[entry.device.kind] ?? entry.device.kind.rawValue); out += "</td><td>"
            text(ShownText.cut(entry.device.location, limit: 100))
            out += "</td><td class=\"c-\(entry.condition?.rawValue ?? "none")\">"
            text(entry.condition.flatMap { conditionNames[$0] } ?? "-"); out += "</td><td>"
            text(word("state." + key)); out += "</td><td>"
            text(state.map { date($0.since) } ?? "-"); out += "</td><td>"
            text(state.map { date($0.lastProbe) } ?? "-"); out += "</td><td>"
            text(state?.lastRttMs.map { String(format: "%.1f ms", $0) } ?? "-"); out += "</td><td>"
            text(ShownText.cut((attention[entry.device.name] ?? []).joined(separator: "; "), limit: 300))
            out += "</td></tr>\n"
            names += "<option value=\""; HTMLText.append(name, to: &names); names += "\">"
        }
        names += "</datalist>"
        out += "</tbody>\n</table>\n"
        if entries.isEmpty { out += "<p>"; text(word("status.none")); out += "</p>\n" }
        out += "<p class=\"small\">"; text(word("status.times")); out += " "; text(zone); out += ". "
        text(word("status.refresh")); out += "</p>\n"
        html = out
        datalist = names
    }

    /// "20 up, 24 off, 0 down ..." in the page's language; the parts add up to the total.
    static func summary(_ c: StatusListing.Counts, word: (String) -> String) -> String {
        var parts = ["\(c.up) \(word("state.up"))", "\(c.off) \(word("state.off"))", "\(c.down) \(word("state.down"))"]
        if c.unconfirmed > 0 { parts.append("\(c.unconfirmed) \(word("state.unknown"))") }
        if c.notProbed > 0 { parts.append("\(c.notProbed) \(word("state.none"))") }
        if c.noAddress > 0 { parts.append("\(c.noAddress) \(word("state.noAddress"))") }
        return parts.joined(separator: ", ")
    }
}
