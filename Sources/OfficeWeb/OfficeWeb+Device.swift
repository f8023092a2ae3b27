import Foundation
import Hummingbird
import Inventory
import KiemkeCore

extension OfficeWeb {
    func devicePage(_ web: WebRequest, name: String, notice: String? = nil) async throws -> Response {
        let store = self.store
        let now = self.now()
        let calendar = configuration.schedule.calendar
        let period = ReportPeriod.currentHalf(now: now, calendar: calendar)
        let today = DayKey(now, calendar: calendar)
        let monthAgo = DayKey(calendar.date(byAdding: .day, value: -29, to: now) ?? now, calendar: calendar)
        let loaded: (DeviceDetail, [String: AvailabilityTotals])
        do {
            loaded = try await Blocking.run {
                let detail = try DeviceDetail(store: store, name: name)
                let first = min(monthAgo, period.first)
                let totals = try detail.device.id.map { try store.dailyAvailability(deviceId: $0, fromDay: first.text, toDay: today.text) } ?? [:]
                return (detail, totals)
            }
        } catch let error as InventoryError {
            if case .deviceNotFound = error {
                return messagePage(Self.message(for: error), web: web, status: .notFound)
            }
            throw error
        }
        let (detail, totals) = loaded
        let device = detail.device
        let language = web.language
        let dates = OfficeDate.Format(timeZone: calendar.timeZone)
        let state = detail.state
        let facts = state?.lastFacts
        let mark = detail.currentMark
        let attention = AttentionRules().items(for: device, condition: mark?.condition, state: state, now: now)
            .map { ShownText.cut(language.attention($0.attention), limit: 300) }
        func chart(_ first: DayKey, _ last: DayKey, _ title: String) -> String {
            AvailabilityChart(days: AvailabilityChart.days(from: first, to: last, totals: totals, calendar: calendar),
                              upLabel: web.word("chart.up"), downLabel: web.word("chart.down"), noneLabel: web.word("chart.none"))
                .svg(title: title)
        }
        var factValues: [String: Any]?
        if let facts {
            factValues = Self.values([
                "vendor": ShownText.cut(facts.vendor ?? "-", limit: 100), "model": ShownText.cut(facts.model ?? "-", limit: 200),
                "serial": ShownText.cut(facts.serial ?? "-", limit: 100), "firmware": ShownText.cut(facts.firmware ?? "-", limit: 200),
                "sysDescr": ShownText.cut(facts.system.description ?? "-", limit: 500),
                "reasons": facts.classification.reasons.prefix(20).map { ShownText.cut($0, limit: 300) },
                "pages": facts.pageCount.map { NumberFormatter.localizedString(from: NSNumber(value: $0), number: .decimal) },
            ])
        }
        let supplies: [[String: Any]] = (facts?.supplies ?? []).prefix(50).map { supply in
            let level = supply.levelPct.map { max(0, min(100, $0)) }
            return Self.values(["name": ShownText.cut(supply.name, limit: 100), "level": level ?? 0,
                                "levelText": level.map { "\($0)%" } ?? (supply.levelState.map { ShownText.cut($0, limit: 40) } ?? "?")])
        }
        let disks: [[String: Any]] = (facts?.storage ?? []).filter(\.isDisk).prefix(50).map { area in
            let used = area.usedPct.map { max(0, min(100, $0)) }
            return Self.values(["name": ShownText.cut(area.name, limit: 100), "used": Int(used ?? 0),
                                "usedText": used.map { String(format: "%.0f%% %@", $0, web.word("device.used")) } ?? "?"])
        }
        let history: [[String: Any]] = detail.history.prefix(200).map { entry in
            switch entry {
            case .mark(let mark):
                Self.values(["time": dates.string(mark.markedAt), "what": web.word("history.mark"),
                             "text": language.condition(mark.condition) + (mark.note.isEmpty ? "" : ": " + ShownText.cut(mark.note, limit: 500)),
                             "who": ShownText.cut(mark.markedBy, limit: 100)])
            case .state(let change):
                Self.values(["time": dates.string(change.time), "what": web.word("history.state"),
                             "text": language.state(change.to) + (change.reason.isEmpty ? "" : " (\(ShownText.cut(change.reason, limit: 200)))")])
            case .edit(let edit):
                Self.values(["time": dates.string(edit.time), "what": web.word("history.edit"),
                             "text": ShownText.cut(edit.changes, limit: 500), "who": ShownText.cut(edit.editedBy, limit: 100)])
            }
        }
        let active = device.retiredAt == nil
        let values = Self.values([
            "path": ShownText.pathSegment(device.name),
            "kind": language.kind(device.kind), "address": device.address.isEmpty ? web.word("state.noAddress") : device.address,
            "location": ShownText.cut(device.location, limit: 200), "note": ShownText.cut(device.note, limit: 2000),
            "condition": mark.map { language.condition($0.condition) } ?? "-", "conditionClass": mark?.condition.rawValue,
            "state": web.word("state." + (device.address.isEmpty ? "noAddress" : (state?.state.rawValue ?? "none"))),
            "since": state.map { dates.string($0.since) }, "lastProbe": state.map { dates.string($0.lastProbe) } ?? "-",
            "rtt": state?.lastRttMs.map { String(format: "(%.1f ms)", $0) },
            "retired": device.retiredAt.map { dates.string($0) },
            "facts": factValues,
            "hasAttention": !attention.isEmpty, "attention": attention,
            "hasSupplies": !supplies.isEmpty, "supplies": supplies,
            "hasDisks": !disks.isEmpty, "disks": disks,
            "chart30": chart(monthAgo, today, web.word("device.chart30")),
            "chartPeriod": chart(period.first, period.last, web.word("device.chartPeriod")),
            "periodName": "\(period.from) – \(period.to)",
            "canMark": active && web.allows(.clerk), "canAdmin": active && web.allows(.admin),
            "conditionOptions": conditionOptions(language),
            "history": history,
        ])
        return page("device", title: ShownText.cut(device.name, limit: 100), values: values, web: web, notice: notice)
    }
}
