/// What a device's name, location, note and community may hold, wherever they are typed (the
/// CSV import, `devices add`, `mark --note`): each check returns why the text is refused, or nil.
///
/// Names are matched, sorted, suggested ("did you mean", an edit distance per name) and printed
/// in every table, so they are short and plain: no control characters, no bidi overrides (which
/// make "PC-01" display as something else). A 10 MB name once made `devices list` write 52 MB.
public enum DeviceTextRules {
    public static let maximumNameLength = 100
    public static let maximumLocationLength = 200
    public static let maximumNoteLength = 2_000
    /// A community name in the secrets file: letters, digits, "-" and "_", as a TOML bare key.
    public static let communityReferencePrefix = "@"

    /// Why `name` cannot be a device's name, or nil.
    public static func nameProblem(_ name: String) -> String? {
        if name.isEmpty { return "is empty; every device needs a name" }
        if name.unicodeScalars.allSatisfy({ TerminalText.isControl($0) || $0.properties.isWhitespace }) {
            return "holds only control characters; write the device's name"
        }
        if let scalar = name.unicodeScalars.first(where: TerminalText.isControl) {
            return "holds a control character (\(TerminalText.escaped(String(scalar)))); write the name as plain text"
        }
        if name.unicodeScalars.contains(where: TerminalText.isBidiControl) {
            return "holds a bidi override (U+202A-U+202E or U+2066-U+2069), which makes it display as another name; retype it"
        }
        if name.count > maximumNameLength {
            return "is \(name.count) characters long; a name has at most \(maximumNameLength)"
        }
        return nil
    }

    /// Why `location` is refused, or nil: one line of plain text, at most 200 characters.
    public static func locationProblem(_ location: String) -> String? {
        if let scalar = location.unicodeScalars.first(where: TerminalText.isControl) {
            return "holds a control character (\(TerminalText.escaped(String(scalar)))); write it as plain text"
        }
        if location.count > maximumLocationLength {
            return "is \(location.count) characters long; a location has at most \(maximumLocationLength)"
        }
        return nil
    }

    /// Why `note` is refused, or nil: text with line breaks and tabs, at most 2,000 characters.
    public static func noteProblem(_ note: String) -> String? {
        let allowed: Set<Unicode.Scalar> = ["\n", "\r", "\t"]
        if let scalar = note.unicodeScalars.first(where: { TerminalText.isControl($0) && !allowed.contains($0) }) {
            return "holds a control character (\(TerminalText.escaped(String(scalar)))); write it as plain text"
        }
        if note.count > maximumNoteLength {
            return "is \(note.count) characters long; a note has at most \(maximumNoteLength)"
        }
        return nil
    }

    /// Why `community` is refused, or nil. "@NAME" names an entry of the secrets file's
    /// `[snmp.communities]`, resolved when the device is polled, so the community itself is
    /// stored neither in the database nor in the device list.
    public static func communityProblem(_ community: String) -> String? {
        if let name = reference(in: community) {
            let allowed = name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
            if name.isEmpty || !allowed || name.count > 64 {
                return "\"@\" must be followed by the name of an entry of the secrets file's [snmp.communities] (letters, digits, - and _)"
            }
            return nil
        }
        if community.unicodeScalars.contains(where: TerminalText.isControl) {
            return "holds a control character; an SNMP community is plain text"
        }
        if community.utf8.count > 255 { return "is longer than 255 bytes; no SNMP agent accepts such a community" }
        return nil
    }

    /// The secrets-file entry `community` names ("@may-in" → "may-in"), or nil for a literal community.
    public static func reference(in community: String) -> String? {
        community.hasPrefix(communityReferencePrefix) ? String(community.dropFirst(communityReferencePrefix.count)) : nil
    }
}
