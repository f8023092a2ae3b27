import Foundation
import KiemkeCore

/// One row of the kind table: conditions that must all hold, and the kind they mean.
public struct ClassificationRule: Sendable {
    /// A stable name, used by tests and in logs.
    public var name: String
    public var kind: DeviceKind
    public var confidence: Double
    /// The sentence given as the classification's reason.
    public var reason: String
    /// sysObjectID's enterprise must be one of these.
    public var enterprises: Set<UInt>?
    /// sysDescr must match this regular expression (case-insensitive).
    public var sysDescrPattern: String?
    /// sysDescr, the primary hrDevice description or a vendor model must match (case-insensitive).
    public var textPattern: String?
    /// A vendor-MIB value with this key must have been read.
    public var vendorValue: String?
    /// Something must say the device prints (Printer-MIB, an hrDevice printer, "print" in sysDescr).
    public var needsPrinterEvidence: Bool
    /// Printer-MIB itself must answer.
    public var needsPrinterMIB: Bool

    public init(_ name: String, kind: DeviceKind, confidence: Double, reason: String,
                enterprises: Set<UInt>? = nil, sysDescr: String? = nil, text: String? = nil,
                vendorValue: String? = nil, needsPrinterEvidence: Bool = false, needsPrinterMIB: Bool = false) {
        self.name = name
        self.kind = kind
        self.confidence = confidence
        self.reason = reason
        self.enterprises = enterprises
        self.sysDescrPattern = sysDescr
        self.textPattern = text
        self.vendorValue = vendorValue
        self.needsPrinterEvidence = needsPrinterEvidence
        self.needsPrinterMIB = needsPrinterMIB
    }

    /// Whether every condition of the rule holds for `evidence`.
    public func matches(_ evidence: DeviceEvidence) -> Bool {
        if let enterprises, !(evidence.enterprise.map(enterprises.contains) ?? false) { return false }
        if let sysDescrPattern, !Self.matches(sysDescrPattern, evidence.sysDescr) { return false }
        if let textPattern, !Self.matches(textPattern, evidence.allText) { return false }
        if let vendorValue, (evidence.vendorValues[vendorValue] ?? "").isEmpty { return false }
        if needsPrinterEvidence, !evidence.hasPrinterEvidence { return false }
        if needsPrinterMIB, !evidence.answersPrinterMIB { return false }
        return true
    }

    static func matches(_ pattern: String, _ text: String?) -> Bool {
        guard let text else { return false }
        return text.range(of: pattern, options: [.regularExpression, .caseInsensitive]) != nil
    }
}
