/// Text from devices and files made fit for a page: one line (or kept lines), no control or
/// bidi-override characters, cut to a length. Escaping is the template's (`{{...}}` escapes
/// `& < > " '`); this keeps a megabyte sysDescr from becoming a megabyte page.
enum ShownText {
    static func cut(_ text: String, limit: Int = 200, keepingLines: Bool = false) -> String {
        var out = String.UnicodeScalarView()
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= limit { return String(out) + "…" }
            switch scalar.value {
            case 0x0A where keepingLines, 0x09: out.append(scalar)
            case 0x0A, 0x0D: out.append(" ")
            case 0x00..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F: continue
            default: out.append(scalar)
            }
            count += 1
        }
        return String(out)
    }

    /// `text` percent-encoded as one path segment, for links to /devices/NAME.
    static func pathSegment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// Built once: making the set per call cost more than encoding (1,000 links on the status page).
    private static let unreserved: CharacterSet = {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return allowed
    }()

    /// `text` percent-encoded for a query value.
    static func queryValue(_ text: String) -> String { pathSegment(text) }
}

import Foundation
