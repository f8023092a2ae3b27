import Foundation
import Inventory

/// A bar chart of a device's availability, one bar per day, drawn as SVG by the server (no
/// script, no library): green up to the share of scheduled time it answered, red for the rest,
/// grey where nothing was measured. Every label is escaped here, as the SVG is put in the page raw.
struct AvailabilityChart {
    struct Day {
        var day: String
        var totals: AvailabilityTotals?
    }

    var days: [Day]
    var upLabel: String
    var downLabel: String
    var noneLabel: String

    /// The days `fromDay...toDay` (at most 400) in `calendar`, with their totals where known.
    static func days(from first: DayKey, to last: DayKey, totals: [String: AvailabilityTotals], calendar: Calendar) -> [Day] {
        var out: [Day] = []
        var date = first.start(in: calendar)
        let end = last.start(in: calendar)
        while date <= end && out.count < 400 {
            let key = DayKey(date, calendar: calendar).text
            out.append(Day(day: key, totals: totals[key]))
            guard let next = calendar.date(byAdding: .day, value: 1, to: date) else { break }
            date = next
        }
        return out
    }

    /// The whole span's availability, or nil when nothing was measured.
    var overall: Double? {
        days.compactMap(\.totals).reduce(AvailabilityTotals(), +).availability
    }

    func svg(title: String) -> String {
        let width = 600.0, height = 120.0, top = 10.0, bottom = 20.0
        let bar = width / Double(max(days.count, 1))
        var parts: [String] = []
        parts.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"\(Self.escape(title))\">")
        parts.append("<title>\(Self.escape(title))</title>")
        let plot = height - top - bottom
        for (index, day) in days.enumerated() {
            let x = Self.number(Double(index) * bar)
            let w = Self.number(max(bar - 1, 1))
            guard let share = day.totals?.availability else {
                parts.append("<rect x=\"\(x)\" y=\"\(Self.number(top))\" width=\"\(w)\" height=\"\(Self.number(plot))\" fill=\"#e0e0e0\"><title>\(day.day): \(Self.escape(noneLabel))</title></rect>")
                continue
            }
            let upHeight = plot * share
            let percent = String(format: "%.1f%%", share * 100)
            parts.append("<rect x=\"\(x)\" y=\"\(Self.number(top))\" width=\"\(w)\" height=\"\(Self.number(plot - upHeight))\" fill=\"#d9534f\"><title>\(day.day): \(Self.escape(downLabel)) \(String(format: "%.1f%%", (1 - share) * 100))</title></rect>")
            parts.append("<rect x=\"\(x)\" y=\"\(Self.number(top + plot - upHeight))\" width=\"\(w)\" height=\"\(Self.number(upHeight))\" fill=\"#2e7d32\"><title>\(day.day): \(Self.escape(upLabel)) \(percent)</title></rect>")
        }
        if let first = days.first, let last = days.last {
            parts.append("<text x=\"0\" y=\"\(Int(height - 5))\" font-size=\"11\" fill=\"#333\">\(first.day)</text>")
            parts.append("<text x=\"\(Int(width))\" y=\"\(Int(height - 5))\" font-size=\"11\" fill=\"#333\" text-anchor=\"end\">\(last.day)</text>")
        }
        if let overall {
            parts.append("<text x=\"\(Int(width / 2))\" y=\"\(Int(height - 5))\" font-size=\"11\" fill=\"#333\" text-anchor=\"middle\">\(Self.escape(upLabel)) \(String(format: "%.1f%%", overall * 100))</text>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    static func number(_ value: Double) -> String { String(format: "%.1f", value) }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
