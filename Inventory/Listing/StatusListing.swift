import Foundation
import KiemkeCore

/// Every device's state now, as `kiemke status` prints it, and what needs attention.
public struct StatusListing: Sendable {
    public struct Entry: Sendable, Equatable {
        public var device: Device
        public var condition: Condition?
        public var state: DeviceState?
    }

    public var entries: [Entry]
    public var attention: [AttentionItem]
    /// Writes times in the office's time zone, the one dates are typed in.
    let dates: OfficeDate.Format
    let timeZone: TimeZone
    /// When the listing was made: what the age of the facts is measured from.
    public var now: Date

    public init(store: InventoryStore, rules: AttentionRules = AttentionRules(), now: Date = Date()) throws {
        self.now = now
        let snapshot = try store.statusSnapshot()
        dates = OfficeDate.Format(timeZone: store.timeZone)
        timeZone = store.timeZone
        entries = snapshot.devices.map { device in
            Entry(device: device, condition: device.id.flatMap { snapshot.marks[$0] }?.condition,
                  state: device.id.flatMap { snapshot.states[$0] })
        }
        attention = entries.flatMap { rules.items(for: $0.device, condition: $0.condition, state: $0.state, now: now) }
            + (try store.discoveryAttention(now: now))
    }

    /// Aligned columns, then the attention items, in `language` (English by default).
    public func table(language: ReportLanguage = .en) -> String {
        let words = ListingWords(language)
        var table = TextTable(header: ["NAME", "KIND", "CONDITION", "STATE", "SINCE", "RTT", "LAST PROBE", "ANSWERED BY", "FACTS"]
            .map(words.heading))
        for e in entries {
            let s = e.state
            table.append([
                e.device.name, words.kind(e.device.kind), e.condition.map(words.condition) ?? "-",
                e.device.address.isEmpty ? words.noAddress : (s.map { words.state($0.state) } ?? words.notProbed),
                s.map { dates.string($0.since) } ?? "-",
                s?.lastRttMs.map { String(format: "%.1f ms", $0) } ?? "-",
                s.map { dates.string($0.lastProbe) } ?? "-",
                s?.lastAnsweredBy.isEmpty == false ? s!.lastAnsweredBy : "-",
                s?.lastFactsAt.map { words.age(seconds: now.timeIntervalSince($0)) } ?? "-",
            ])
        }
        var out = table.render()
        out += words.summary(counts) + "\n"
        out += words.zoneLine(timeZone) + "\n"
        if !attention.isEmpty {
            out += "\n\(words.needsAttention)\n" + attention.map { "  \(TerminalText.escaped("\($0.name): \(words.attention($0.attention))"))\n" }.joined()
        }
        return out
    }

    /// How old facts read at `date` are: "12m ago", "3h ago", "2d ago" ("now" under a minute).
    static func age(of date: Date, now: Date) -> String { ListingWords(.en).age(seconds: now.timeIntervalSince(date)) }


    /// How many devices are in each state; the parts always add up to `total`.
    public struct Counts: Sendable, Equatable {
        public var total = 0, up = 0, off = 0, down = 0
        /// Probed and silent, but not yet for `down_after` probes in a row.
        public var unconfirmed = 0
        /// Has an address and no probe yet.
        public var notProbed = 0
        /// Has no address: nothing to probe (a USB scanner).
        public var noAddress = 0
    }

    /// The devices counted by state, each device once.
    public var counts: Counts {
        var c = Counts()
        for e in entries {
            c.total += 1
            if e.device.address.isEmpty { c.noAddress += 1; continue }
            switch e.state?.state {
            case .up: c.up += 1
            case .off: c.off += 1
            case .down: c.down += 1
            case .unknown: c.unconfirmed += 1
            case nil: c.notProbed += 1
            }
        }
        return c
    }

    /// "44 devices: 20 up, 24 off (outside office hours), 0 down": every device in one part, so
    /// the parts add up to the total; the parts that can only be zero for a running daemon are
    /// shown when they are not.
    public var summary: String { ListingWords(.en).summary(counts) }

    /// The JSON contract: `up` is null before the first probe; `facts_at`: when the SNMP facts were last read (null: never).
    public func json() throws -> String {
        let devices: [JSONValue] = entries.map { e in
            let s = e.state
            return [
                "name": .string(e.device.name), "kind": .string(e.device.kind.rawValue),
                "address": .string(e.device.address), "location": .string(e.device.location),
                "condition": .string(e.condition?.rawValue),
                "up": s.map { .bool($0.state == .up) } ?? .null,
                "state": .string(s?.state.rawValue),
                "since": .time(s?.since), "rtt_ms": .number(s?.lastRttMs, places: 2),
                "last_probe": .time(s?.lastProbe),
                "facts_at": .time(s?.lastFactsAt),
                "answered_by": s.map { .array($0.lastAnsweredBy.split(separator: ",").map { .string(String($0.split(separator: ":")[0])) }) } ?? .null,
            ]
        }
        let attention: [JSONValue] = attention.map {
            ["name": .string($0.name), "kind": .string($0.kind.rawValue), "issue": .string($0.issue), "since": .time($0.since)]
        }
        let c = counts
        let totals: JSONValue = [
            "total": .int(c.total), "up": .int(c.up), "off": .int(c.off), "down": .int(c.down),
            "unconfirmed": .int(c.unconfirmed), "not_probed": .int(c.notProbed), "no_address": .int(c.noAddress),
        ]
        return try JSONValue.object(["devices": .array(devices), "attention": .array(attention), "counts": totals,
                                     "time_zone": .string(timeZone.identifier)]).rendered()
    }
}
