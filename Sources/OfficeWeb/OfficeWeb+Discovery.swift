import Agent
import Discovery
import Foundation
import Hummingbird
import Inventory
import KiemkeCore

/// The discovery page: the new devices the daemon's scheduled sweep saw (`[discovery] networks`), not yet
/// enrolled or ignored, each with the name `kiemke discover` would propose. An admin ticks some and enrols
/// them (the same import path and history as `kiemke discover --enrol`) or ignores them (as
/// `kiemke discover ignore`); anyone who may read the status page may read the list.
extension OfficeWeb {
    func addDiscoveryRoutes(to router: Router<WebContext>) {
        router.get("/discovery") { request, _ in
            let (web, redirect) = self.reader(request)
            if let redirect { return redirect }
            let count = Int(web.query.text("n")) ?? 0
            let notice: String? = switch web.query.text("done") {
            case "enrol": web.word("discovery.enrolled") + " \(count)"
            case "ignore": web.word("discovery.ignored") + " \(count)"
            default: nil
            }
            return try await self.discoveryPage(web, notice: notice)
        }
        router.post("/discovery") { request, context in
            try await self.discoveryAction(request, context: context)
        }
    }

    /// One row of the proposal: a new device and the name it would be enrolled under.
    struct DiscoveryRow {
        var address: String
        var mac: String?
        var kind: DeviceKind
        var since: Date?
        var proposedName: String
    }

    /// The new devices still waiting, in the order they were first seen, with proposed names.
    func discoveryRows() async throws -> [DiscoveryRow] {
        let store = self.store
        let now = self.now()
        return try await Blocking.run {
            let pending = try store.discoveryAttention(now: now).compactMap { item -> (String, String?, DeviceKind, Date?)? in
                guard case let .newDevice(address, mac) = item.attention else { return nil }
                return (address, mac, item.kind, item.since)
            }
            var naming = DeviceNaming(existing: try DiscoveryRun.inventory(store).names)
            return pending.map { DiscoveryRow(address: $0.0, mac: $0.1, kind: $0.2, since: $0.3, proposedName: naming.next(for: $0.2)) }
        }
    }

    func discoveryPage(_ web: WebRequest, notice: String? = nil) async throws -> Response {
        let rows = try await discoveryRows()
        let dates = OfficeDate.Format(timeZone: configuration.schedule.calendar.timeZone)
        let values = Self.values([
            "rows": rows.map { row in
                Self.values(["address": row.address, "mac": row.mac ?? "-", "kind": web.language.kind(row.kind),
                             "since": row.since.map { dates.string($0) } ?? "-", "proposed": row.proposedName])
            },
            "empty": rows.isEmpty ? true : nil,
            "canAdmin": web.session?.role == .admin ? true : nil,
        ])
        return page("discovery", title: web.word("discovery.title"), values: values, web: web, notice: notice)
    }

    /// Enrols or ignores the ticked rows (fields `pick.ADDRESS`); admin only.
    func discoveryAction(_ request: Request, context: WebContext) async throws -> Response {
        let web = WebRequest(request, sessions: sessions, now: now())
        let form = try await Self.form(request, context: context)
        if let refused = refusal(web, form: form, needs: .admin) { return refused }
        let picked = Set(form.values.keys.filter { $0.hasPrefix("pick.") }.map { String($0.dropFirst("pick.".count)) })
        guard !picked.isEmpty else { return messagePage(web.word("discovery.nonePicked"), web: web, status: .badRequest, back: "/discovery") }
        // Only rows still waiting: an address typed into a forged form, or enrolled meanwhile, is not enrolled.
        let rows = try await discoveryRows().filter { picked.contains($0.address) }
        guard !rows.isEmpty else { return messagePage(web.word("discovery.nonePicked"), web: web, status: .badRequest, back: "/discovery") }
        let who = web.session?.user ?? ""
        let store = self.store
        let now = self.now()
        switch form.text("action") {
        case "enrol":
            var csv = "name,kind,address,location,condition,note\n"
            for row in rows { csv += "\(Self.csvField(row.proposedName)),\(row.kind.rawValue),\(row.address),,,\n" }
            let text = csv
            do {
                try await Blocking.run {
                    _ = try DeviceImporter(store: store).importParsed(try DeviceImporter.read(Data(text.utf8), file: "discovery"), by: who, at: now)
                    for row in rows where row.mac != nil {
                        try store.recordIdentity(DeviceIdentity(mac: row.mac), ofDeviceNamed: row.proposedName, at: now)
                    }
                }
            } catch {
                guard Self.isInputError(error) else { throw error }
                return messagePage(Self.message(for: error), web: web, status: .badRequest, back: "/discovery")
            }
            logger.debug("discovered devices enrolled", metadata: ["by": "\(who)", "devices": "\(rows.map(\.proposedName))"])
            return Self.redirect("/discovery?done=enrol&n=\(rows.count)")
        case "ignore":
            try await Blocking.run {
                for row in rows { try store.ignoreForDiscovery(row.address, by: who, at: now) }
            }
            logger.debug("discovered devices ignored", metadata: ["by": "\(who)", "addresses": "\(rows.map(\.address))"])
            return Self.redirect("/discovery?done=ignore&n=\(rows.count)")
        default:
            return messagePage(web.word("discovery.nonePicked"), web: web, status: .badRequest, back: "/discovery")
        }
    }

    /// A CSV field, quoted when it holds a comma or a quote (proposed names do not, but the office's prefix might).
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static let discoveryTemplate = """
    <p class="small">{{t.discovery.help}}</p>
    {{#empty}}<p>{{t.discovery.none}}</p>{{/empty}}
    {{^empty}}
    <form method="post" action="/discovery">
    {{#canAdmin}}<input type="hidden" name="csrf_token" value="{{csrf}}">{{/canAdmin}}
    <table class="devices discovery">
    <thead><tr>{{#canAdmin}}<th>{{t.discovery.pick}}</th>{{/canAdmin}}<th>{{t.col.address}}</th><th>{{t.discovery.mac}}</th><th>{{t.col.kind}}</th><th>{{t.discovery.proposed}}</th><th>{{t.discovery.seen}}</th></tr></thead>
    <tbody>
    {{#rows}}<tr>{{#canAdmin}}<td><input type="checkbox" name="pick.{{address}}" id="pick-{{address}}"></td>{{/canAdmin}}<td><label for="pick-{{address}}">{{address}}</label></td><td>{{mac}}</td><td>{{kind}}</td><td>{{proposed}}</td><td>{{since}}</td></tr>
    {{/rows}}
    </tbody>
    </table>
    {{#canAdmin}}<p><button name="action" value="enrol">{{t.discovery.enrol}}</button> <button name="action" value="ignore">{{t.discovery.ignore}}</button></p>{{/canAdmin}}
    </form>
    {{^canAdmin}}<p class="small">{{t.discovery.adminOnly}}</p>{{/canAdmin}}
    {{/empty}}

    """
}
