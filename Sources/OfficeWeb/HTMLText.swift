/// The one escaping function for markup the server builds by hand (the status table): the same
/// five characters the templates' `{{x}}` escapes, `& < > " '`, so text from devices is shown,
/// never run, whichever way a page is built.
enum HTMLText {
    /// `text` with `& < > " '` replaced by their entities.
    static func escaped(_ text: String) -> String {
        var out = ""
        append(text, to: &out)
        return out
    }

    /// Appends `text`, escaped, to `out`. Works on UTF-8 bytes: the five characters are ASCII and
    /// never inside a multi-byte sequence, and a byte scan escapes a `<` even where a combining
    /// mark follows it (a grapheme-wise scan would see one character that is not `<`).
    static func append(_ text: String, to out: inout String) {
        let bytes = text.utf8
        var start = bytes.startIndex
        var index = start
        while index != bytes.endIndex {
            let entity: String? = switch bytes[index] {
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: ">"): "&gt;"
            case UInt8(ascii: "\""): "&quot;"
            case UInt8(ascii: "'"): "&#39;"
            default: nil
            }
            if let entity {
                out += text[start..<index]
                out += entity
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        out += text[start..<bytes.endIndex]
    }
}
