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

    public init(store: InventoryStore, rules: AttentionRules = AttentionRules(), now: Date = Date()) throws {
        let snapshot = try store.statusSnapshot()
        dates = OfficeDate.Format(timeZone: store.timeZone)
        entries = snapshot.devices.map { device in
            Entry(device: device, condition: device.id.flatMap { snapshot.marks[$0] }?.condition,
                  state: device.id.flatMap { snapshot.states[$0] })
        }
        attention = entries.flatMap { rules.items(for: $0.device, condition: $0.condition, state: $0.state, now: now) }
    }

    /// Aligned columns, then the attention items.
    public func table() -> String {
        var table = TextTable(header: ["NAME", "KIND", "CONDITION", "STATE", "SINCE", "RTT", "LAST PROBE", "ANSWERED BY"])
        for e in entries {
            let s = e.state
            table.append([
                e.device.name, e.device.kind.rawValue, e.condition?.rawValue ?? "-",
                e.device.address.isEmpty ? "no address" : (s?.state.rawValue ?? "not probed"),
                s.map { dates.string($0.since) } ?? "-",
                s?.lastRttMs.map { String(format: "%.1f ms", $0) } ?? "-",
                s.map { dates.string($0.lastProbe) } ?? "-",
                s?.lastAnsweredBy.isEmpty == false ? s!.lastAnsweredBy : "-",
            ])
        }
        var out = table.render()
        let up = entries.filter { $0.state?.state == .up }.count
        let down = entries.filter { $0.state?.state == .down }.count
        out += "\(entries.count) devices: \(up) up, \(down) down\n"
        if !attention.isEmpty {
            out += "\nneeds attention:\n" + attention.map { "  \(TerminalText.escaped("\($0.name): \($0.issue)"))\n" }.joined()
        }
        return out
    }

    /// The JSON contract: `up` is null before the first probe.
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
                "answered_by": s.map { .array($0.lastAnsweredBy.split(separator: ",").map { .string(String($0.split(separator: ":")[0])) }) } ?? .null,
            ]
        }
        let attention: [JSONValue] = attention.map {
            ["name": .string($0.name), "kind": .string($0.kind.rawValue), "issue": .string($0.issue), "since": .time($0.since)]
        }
        return try JSONValue.object(["devices": .array(devices), "attention": .array(attention)]).rendered()
    }
}
