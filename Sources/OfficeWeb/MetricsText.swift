import Foundation
import Inventory
import KiemkeCore

/// `/metrics` in Prometheus's text exposition format (version 0.0.4), written by hand: a few
/// gauges in blackbox_exporter's style, labelled by device name and kind. Small enough that a
/// client library would add more than it saves.
enum MetricsText {
    static func render(store: InventoryStore, now: Date, cycleSeconds: Double? = nil) throws -> String {
        let snapshot = try store.statusSnapshot()
        var out = ""
        func family(_ name: String, _ help: String, _ samples: [(labels: [(String, String)], value: Double)]) {
            out += "# HELP \(name) \(help)\n# TYPE \(name) gauge\n"
            for sample in samples {
                let labels = sample.labels.map { "\($0.0)=\"\(escape($0.1))\"" }.joined(separator: ",")
                out += "\(name){\(labels)} \(number(sample.value))\n"
            }
        }
        let probed = snapshot.devices.compactMap { device -> (Device, DeviceState)? in
            guard let id = device.id, let state = snapshot.states[id] else { return nil }
            return (device, state)
        }
        func labels(_ device: Device) -> [(String, String)] { [("device", device.name), ("kind", device.kind.rawValue)] }
        family("kiemke_probe_success", "Whether the device answered its latest probe (1) or not (0).",
               probed.map { (labels($0.0), $0.1.lastUp ? 1 : 0) })
        family("kiemke_probe_duration_seconds", "Round-trip time of the latest answered probe, in seconds.",
               probed.compactMap { device, state in state.lastRttMs.map { (labels(device), $0 / 1000) } })
        family("kiemke_probe_age_seconds", "Seconds since the device was last probed.",
               probed.map { (labels($0.0), max(0, now.timeIntervalSince($0.1.lastProbe))) })
        family("kiemke_device_up", "Whether the device counts as up (1), down, off or not yet confirmed (0).",
               probed.map { (labels($0.0), $0.1.state == .up ? 1 : 0) })
        var conditions: [([(String, String)], Double)] = []
        for device in snapshot.devices {
            guard let id = device.id, let mark = snapshot.marks[id] else { continue }
            for condition in Condition.allCases {
                conditions.append((labels(device) + [("condition", condition.rawValue)], condition == mark.condition ? 1 : 0))
            }
        }
        family("kiemke_device_condition", "The condition staff marked: 1 for the current one.", conditions)
        var supplies: [([(String, String)], Double)] = []
        for (device, state) in probed {
            for (index, supply) in (state.lastFacts?.supplies ?? []).enumerated() {
                guard let level = supply.levelPct else { continue }
                supplies.append((labels(device) + [("supply", supply.name), ("index", String(index))], Double(level)))
            }
        }
        family("kiemke_supply_level_percent", "A printer supply's level, in percent of its capacity.", supplies)
        if let cycleSeconds {
            family("kiemke_cycle_duration_seconds", "How long the daemon's latest poll cycle took to probe, in seconds.",
                   [([], cycleSeconds)])
        }
        return out
    }

    /// A label value: backslash, double quote and line feed escaped; other controls dropped; cut.
    static func escape(_ value: String) -> String {
        var out = ""
        for scalar in ShownText.cut(value, limit: 200).unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
