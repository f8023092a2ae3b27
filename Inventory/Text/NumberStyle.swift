import Foundation

/// Writes numbers as the report's language does: "." groups thousands and "," marks decimals in Vietnamese.
public struct NumberStyle: Sendable, Equatable {
    public var language: ReportLanguage

    public init(_ language: ReportLanguage) {
        self.language = language
    }

    /// A count of devices; below ten with two digits in Vietnamese, as the seed report writes "02 cái".
    public func count(_ n: Int) -> String {
        if language == .vi && (0..<10).contains(n) { return String(format: "%02d", n) }
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
    public func percent(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let whole = grouped(tenths / 10)
        if tenths % 10 == 0 { return whole + "%" }
        return whole + (language == .vi ? "," : ".") + String(abs(tenths % 10)) + "%"
    }
}

/// The languages a report can be written in.
public enum ReportLanguage: String, Sendable, CaseIterable, Codable {
    case vi, en
}
