import Foundation

/// Writes numbers as the report's language does: "." groups thousands and "," marks decimals in Vietnamese.
public struct NumberStyle: Sendable, Equatable {
    public var language: ReportLanguage

    public init(_ language: ReportLanguage) {
        self.language = language
    }

    /// A count of devices; one to nine with two digits in Vietnamese, as the seed report writes "02 cái";
    /// zero is "0", never "00".
    public func count(_ n: Int) -> String {
        if language == .vi && (1..<10).contains(n) { return String(format: "%02d", n) }
        return grouped(n)
    }

    /// An integer with thousands grouped: 1.144 (vi), 1,144 (en).
    public func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(language == .vi ? "." : ",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// A percentage with one decimal, dropped when it is zero: "100%", "96,4%" (vi), "96.4%" (en).
    ///
    /// "100%" and "0%" only when exactly so: 99.97 is "99,9%", 0.01 is "0,1%".
    public func percent(_ value: Double) -> String {
        var tenths = Int((value * 10).rounded())
        if value < 100 && tenths >= 1000 { tenths = 999 }
        if value > 0 && tenths <= 0 { tenths = 1 }
        let whole = grouped(tenths / 10)
        if tenths % 10 == 0 { return whole + "%" }
        return whole + (language == .vi ? "," : ".") + String(abs(tenths % 10)) + "%"
    }
}

extension NumberStyle {
    /// A part and a whole of time, in hours, both at the same precision: "1.150/1.200 giờ";
    /// below an hour in minutes ("45/60 phút"); one decimal where whole hours would hide a difference.
    public func hours(_ part: Double, of whole: Double) -> String {
        let unit = language == .vi ? (hours: "giờ", minutes: "phút") : (hours: "hours", minutes: "minutes")
        if whole < 3600 {
            return "\(decimal(part / 60, places: 0))/\(decimal(whole / 60, places: 0)) \(unit.minutes)"
        }
        let a = part / 3600, b = whole / 3600
        let places = (a.rounded() == b.rounded() && part != whole) || b < 10 ? 1 : 0
        return "\(decimal(a, places: places))/\(decimal(b, places: places)) \(unit.hours)"
    }

    /// A number with `places` decimals (0 or 1), thousands grouped, in the language's style.
    public func decimal(_ value: Double, places: Int) -> String {
        guard places > 0 else { return grouped(Int(value.rounded())) }
        let tenths = Int((value * 10).rounded())
        let fraction = abs(tenths % 10)
        return grouped(tenths / 10) + (fraction == 0 ? "" : (language == .vi ? "," : ".") + String(fraction))
    }
}

/// The languages a report can be written in.
public enum ReportLanguage: String, Sendable, CaseIterable, Codable {
    case vi, en
}
