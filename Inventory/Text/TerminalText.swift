/// Makes text that came from outside (a device's sysName, a CSV note, a config key) safe to print.
///
/// A terminal obeys the control characters it is sent: ESC[2J clears the screen, OSC 52 writes
/// the clipboard, OSC 0 retitles the window. Every renderer of text for a person (tables, the
/// probe report, the report's text, error messages, the log) passes what it did not write itself
/// through `escaped`, which shows C0, DEL and C1 controls, and the bidi overrides that reorder
/// what is shown, as visible `\x1B`-style escapes; everything else (Vietnamese diacritics
/// included) is kept as it is.
public enum TerminalText {
    /// `text` with every control character written as a visible escape.
    ///
    /// With `keepingLineBreaks`, "\n" and "\t" stay (for multi-line messages built by kiemke);
    /// otherwise they are escaped too, so one field stays on one line of a table.
    public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingLineBreaks: keepingLineBreaks) }) else {
            return text
        }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar, keepingLineBreaks: keepingLineBreaks) {
                out.append(contentsOf: visible(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// A value quoted for a message: escaped, and cut to `limit` characters with "…" so a
    /// 10 MB field cannot become a 10 MB message.
    public static func quoted(_ text: String, limit: Int = 60) -> String {
        let short = text.count > limit ? String(text.prefix(limit)) + "…" : text
        return "\"" + escaped(short) + "\""
    }

    /// Whether `scalar` is a control character: C0, DEL or C1.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Whether `scalar` is a bidi embedding, override or isolate (U+202A-U+202E, U+2066-U+2069),
    /// which make text display in another order than it is stored ("Trojan Source").
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    private static func needsEscape(_ scalar: Unicode.Scalar, keepingLineBreaks: Bool) -> Bool {
        if keepingLineBreaks && (scalar == "\n" || scalar == "\t") { return false }
        return isControl(scalar) || isBidiControl(scalar)
    }

    private static func visible(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return scalar.value <= 0xFF ? "\\x" + (hex.count < 2 ? "0" + hex : hex) : "\\u{" + hex + "}"
        }
    }
}
