extension NameKey {
    /// Folds text as `fold` does and also drops diacritics (đ becomes d): the form people type
    /// when the Vietnamese keyboard is off, so "hong" meets "hỏng" and "may tinh" meets "máy tính".
    ///
    /// Used to read words (conditions, kinds) and to rank "did you mean" suggestions, never to
    /// decide that two device names are the same device.
    public static func loose(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in fold(text).decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F: continue  // combining marks: the diacritics
            case 0x0111: out.append("d")     // đ has no decomposition
            case 0x0110: out.append("d")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// `loose` with every run of digits written without leading zeros: "PC-1" and "pc-01" meet.
    static func numberless(_ text: String) -> String {
        var out = ""
        var digits = ""
        func flush() {
            if !digits.isEmpty {
                let trimmed = digits.drop(while: { $0 == "0" })
                out += trimmed.isEmpty ? "0" : String(trimmed)
                digits = ""
            }
        }
        for c in loose(text) {
            if c.isASCII && c.isNumber { digits.append(c) } else { flush(); out.append(c) }
        }
        flush()
        return out
    }

    /// How close `name` is to what was typed (`query`), lower is closer, nil when unrelated.
    ///
    /// Ranks what people mean first: the same name without diacritics or case, then the same
    /// with numbers written differently ("PC-1" for PC-01), then names that start with what was
    /// typed, then small typos. A name much shorter than the query (a one-letter "P") is never
    /// taken as a match because the query happens to start with it.
    static func closeness(of name: String, to query: String) -> Int? {
        let key = loose(query), folded = loose(name)
        if key.isEmpty { return nil }
        if folded == key { return 0 }
        if numberless(name) == numberless(query) { return 1 }
        if folded.hasPrefix(key) { return 2 + min(folded.count - key.count, 5) }
        let d = distance(key, folded)
        let threshold = max(1, min(key.count, folded.count) / 2)
        if d <= threshold { return 8 + d }
        let shorter = min(key.count, folded.count)
        if shorter >= 3, folded.contains(key) || key.contains(folded) { return 8 + d }
        return nil
    }
}
