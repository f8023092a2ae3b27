import Foundation
import KiemkeCore

/// Finds model and firmware where vendors put them, in a general way: vendor-MIB values first, then the
/// device's own printer row, prtGeneralPrinterName, ENTITY-MIB, the IEEE 1284 ID, and last sysDescr (Axis's
/// "; AXIS model; type; firmware;" fields, a print server's "Attached to", or the first product words after
/// the maker's name).
public enum IdentityExtractor {
    /// Vendor-MIB keys holding a model, most specific first.
    public static let modelKeys = ["hikvision.model", "canon.model", "kyocera.model", "dell.model", "compaq.model"]
    /// Vendor-MIB keys holding a firmware version.
    public static let firmwareKeys = ["hikvision.firmware", "canon.firmware", "kyocera.firmware"]

    /// Words that end a model name in sysDescr ("ML-2850 Series OS 1.01" → "ML-2850").
    static let stopWords: Set<String> = [
        "series", "os", "ver", "version", "firmware", "fw", "rev", "build", "engine", "nic", "network", "ethernet",
        "built-in", "company", "products", "printing", "system", "printer", "copyright", "hardware", "software",
        "with", "for", "and", "by", "corporation", "inc", "ltd", "co", "multi-environment", "rom",
    ]

    /// The model, or nil when nothing names one (never a guess from a file or host name).
    public static func model(_ evidence: DeviceEvidence, vendor: String?, kind: DeviceKind) -> String? {
        for key in modelKeys { if let value = clean(evidence.vendorValues[key]) { return value } }
        if kind != .computer, let row = evidence.primaryDevice?.description, let model = productName(row) { return model }
        if let name = evidence.printerName, let model = productName(name) { return model }
        if let model = evidence.entityModels.lazy.compactMap({ clean($0) }).first { return model }
        if let id = evidence.vendorValues["ieee1284"], let mdl = ieee1284(id, "MDL"), let model = productName(mdl) { return model }
        guard let sysDescr = evidence.sysDescr else { return nil }
        if let fields = axisFields(sysDescr), let model = productName(fields[0]) { return model }
        if let pid = value(after: "PID:", in: sysDescr), VendorRegistry.brand(atStartOf: pid) != nil,
           let model = productName(pid) { return model }
        if let attached = value(after: "Attached to ", in: sysDescr)?.split(separator: " ").first,
           attached.contains(where: \.isNumber) { return String(attached) }
        if let brand = VendorRegistry.brand(atStartOf: sysDescr) {
            let rest = String(sysDescr.dropFirst(brand.length))
            // A maker's model prefix ("DH-") is part of the model.
            let text = rest.isEmpty || sysDescr.dropFirst(brand.length - 1).first == "-"
                ? String(sysDescr.drop { $0 == " " || $0 == ";" }) : rest
            return productWords(firstSegment(text)).model
        }
        if let first = sysDescr.split(separator: " ").first.map(String.init), isProductCode(first) { return first }
        return nil
    }

    /// The firmware version, when the device says it.
    public static func firmware(_ evidence: DeviceEvidence, vendor: String?) -> String? {
        for key in firmwareKeys { if let value = clean(evidence.vendorValues[key]) { return value } }
        guard let sysDescr = evidence.sysDescr else { return nil }
        if let fields = axisFields(sysDescr), fields.count > 2, isVersion(fields[2]) { return fields[2] }
        if let range = sysDescr.range(of: "firmware ver", options: .caseInsensitive) {
            let after = sysDescr[range.upperBound...].drop { $0 == "." || $0 == " " || $0 == ":" }
            let value = after.prefix { $0 != " " && $0 != "," && $0 != ";" }
            if value.first?.isNumber == true { return String(value) }
        }
        if let brand = VendorRegistry.brand(atStartOf: sysDescr) {
            let words = productWords(firstSegment(String(sysDescr.dropFirst(brand.length))))
            if let version = words.rest.first(where: isVersion) { return version }
        }
        if let range = sysDescr.range(of: #"\bver\.?\s*[0-9][0-9A-Za-z.]*"#, options: [.regularExpression, .caseInsensitive]) {
            let value = sysDescr[range].drop { !$0.isNumber }
            return String(value)
        }
        return nil
    }

    /// A field of an IEEE 1284 device ID ("MFG:HP;MDL:HP LaserJet MFP M129-M134;CLS:PRINTER;").
    public static func ieee1284(_ id: String, _ key: String) -> String? {
        for part in id.split(separator: ";") {
            let pair = part.split(separator: ":", maxSplits: 1)
            if pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).uppercased() == key {
                return clean(String(pair[1]))
            }
        }
        return nil
    }

    /// A product name from a row that names the device: the maker's name and " series" removed; nil unless it
    /// holds a digit (a model, not "Unknown" or a maker's name).
    static func productName(_ text: String) -> String? {
        var name = text.trimmingCharacters(in: .whitespaces)
        if let brand = VendorRegistry.brand(atStartOf: name), !name.dropFirst(brand.length - 1).hasPrefix("-") {
            name = String(name.dropFirst(brand.length))
        }
        name = name.trimmingCharacters(in: .whitespaces)
        for suffix in [" series", " Series", " SERIES", " /P"] where name.hasSuffix(suffix) { name = String(name.dropLast(suffix.count)) }
        guard name.contains(where: \.isNumber) else { return nil }
        return clean(name)
    }

    /// The model words at the start of `text` and the words after them.
    static func productWords(_ text: String) -> (model: String?, rest: [String]) {
        let words = text.split(separator: " ").map(String.init)
        var model: [String] = []
        var index = 0
        while index < words.count, model.count < 3 {
            let word = words[index]
            let lower = word.lowercased()
            if stopWords.contains(lower) || isVersion(word) || lower.hasPrefix("rev.") || lower.hasPrefix("ver") { break }
            model.append(word)
            index += 1
        }
        let rest = Array(words[index...])
        guard let first = model.first, model.joined().contains(where: \.isNumber),
              first.contains(where: \.isLetter) || first.count >= 3 else { return (nil, rest) }
        return (model.joined(separator: " "), rest)
    }

    /// Axis writes "; AXIS P1435-LE; Network Camera; 9.80.69; date; ...": the fields after the maker's field.
    static func axisFields(_ sysDescr: String) -> [String]? {
        let fields = sysDescr.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard fields.count >= 3, VendorRegistry.brand(atStartOf: fields[0]) != nil,
              fields[0].split(separator: " ").count <= 4 else { return nil }
        return fields
    }

    static func firstSegment(_ text: String) -> String {
        String(text.prefix { $0 != "," && $0 != ";" && $0 != "/" }).trimmingCharacters(in: .whitespaces)
    }

    static func value(after marker: String, in text: String) -> String? {
        guard let range = text.range(of: marker, options: .caseInsensitive) else { return nil }
        let value = firstSegment(String(text[range.upperBound...]))
        return value.isEmpty ? nil : value
    }

    /// "1.04", "9.80.69", "V5.5.3": a version, not a model.
    static func isVersion(_ word: String) -> Bool {
        let body = word.first == "V" || word.first == "v" ? word.dropFirst() : Substring(word)
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }

    /// "KX-NS1000", "DH-NVR4108HS-8P-4KS2": letters, a dash, then a code with a digit.
    static func isProductCode(_ word: String) -> Bool {
        guard let dash = word.firstIndex(of: "-") else { return false }
        let head = word[..<dash], tail = word[word.index(after: dash)...]
        return (1...5).contains(head.count) && head.allSatisfy(\.isLetter)
            && tail.contains(where: \.isNumber) && tail.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
    }

    static func clean(_ text: String?) -> String? {
        guard let text else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines.union(.controlCharacters))
        return trimmed.isEmpty ? nil : trimmed
    }
}
