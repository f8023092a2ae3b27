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
    /// When the listing was made: what the age of the facts is measured from.
    public var now: Date

    public init(store: InventoryStore, rules: AttentionRules = AttentionRules(), now: Date = Date()) throws {
        self.now = now
        let snapshot = try store.statusSnapshot()
        entries = snapshot.devices.map { device in
            Entry(device: device, condition: device.id.flatMap { snapshot.marks[$0] }?.condition,
                  state: device.id.flatMap { snapshot.states[$0] })
        }
        attention = entries.flatMap { rules.items(for: $0.device, condition: $0.condition, state: $0.state, now: now) }
    }

    /// Aligned columns, then the attention items.
    public func table() -> String {
        var table = TextTable(header: ["NAME", "KIND", "CONDITION", "STATE", "SINCE", "RTT", "LAST PROBE", "ANSWERED BY", "FACTS"])
        for e in entries {
            let s = e.state
            table.append([
                e.device.name, e.device.kind.rawValue, e.condition?.rawValue ?? "-",
                e.device.address.isEmpty ? "no address" : (s?.state.rawValue ?? "not probed"),
                s.map { DeviceDetail.format($0.since) } ?? "-",
                s?.lastRttMs.map { String(format: "%.1f ms", $0) } ?? "-",
                s.map { DeviceDetail.format($0.lastProbe) } ?? "-",
                s?.lastAnsweredBy.isEmpty == false ? s!.lastAnsweredBy : "-",
                s?.lastFactsAt.map { Self.age(of: $0, now: now) } ?? "-",
            ])
        }
        var out = table.render()
        let up = entries.filter { $0.state?.state == .up }.count
        let down = entries.filter { $0.state?.state == .down }.count
        out += "\(entries.count) devices: \(up) up, \(down) down\n"
        if !attention.isEmpty {
            out += "\nneeds attention:\n" + attention.map { "  \($0.name): \($0.issue)\n" }.joined()
        }
        return out
    }

    /// How old facts read at `date` are: "12m ago", "3h ago", "2d ago" ("now" under a minute).
    static func age(of date: Date, now: Date) -> String {
        let seconds = max(0, now.timeIntervalSince(date))
        if seconds < 60 { return "now" }
        if seconds < 3_600 { return "\(Int(seconds / 60))m ago" }
        if seconds < 86_400 { return "\(Int(seconds / 3_600))h ago" }
        return "\(Int(seconds / 86_400))d ago"
    }

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
        return try JSONValue.object(["devices": .array(devices), "attention": .array(attention)]).rendered()
    }
}
