import Foundation

/// Builds an XML document as text, escaping every attribute value and text node.
///
/// The parts of a .docx are small and written once, so a string builder is all that is needed;
/// what matters is that nothing a device or a config says can break the markup.
struct XMLWriter {
    private(set) var output = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\r\n"

    /// `<name a="v">`, children written by `content`, then `</name>`.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ content: (inout XMLWriter) -> Void) {
        open(name, attributes)
        content(&self)
        output += "</\(name)>"
    }

    /// `<name a="v"/>`.
    mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        output += "<" + name
        append(attributes)
        output += "/>"
    }

    /// `<name>text</name>`.
    mutating func text(_ name: String, _ text: String) {
        self.text(name, [:], text)
    }

    /// `<name a="v">text</name>`.
    mutating func text(_ name: String, _ attributes: KeyValuePairs<String, String>, _ text: String) {
        open(name, attributes)
        output += Self.escaped(text)
        output += "</\(name)>"
    }

    private mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String>) {
        output += "<" + name
        append(attributes)
        output += ">"
    }

    private mutating func append(_ attributes: KeyValuePairs<String, String>) {
        for (key, value) in attributes {
            output += " \(key)=\"\(Self.escaped(value))\""
        }
    }

    /// `text` in NFC, safe as XML 1.0 character data or an attribute value.
    ///
    /// Markup characters become entities; characters XML 1.0 forbids (C0 controls other than tab,
    /// line feed and carriage return, U+FFFE, U+FFFF) are dropped, and so are C1 controls, which
    /// XML allows but which print as nothing or as boxes: a device's note with a stray control
    /// byte still yields a file Word opens.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Whether XML 1.0 allows `scalar` and it is not a C1 control.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x0..<0x20, 0x7F...0x9F: false
        case 0xFFFE, 0xFFFF: false
        default: true
        }
    }
}
