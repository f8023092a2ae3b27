import Foundation
import Inventory

/// Keeps the values of secret keys out of config error messages.
///
/// toml++ quotes what it stumbled on ("saw 'x'", "'…' could not be interpreted as a value"); on
/// the line of a community or v3 key that may be the secret itself, and messages reach the
/// terminal and, after SIGHUP, the daemon's log. So: on a line that holds a secret key every
/// quoted piece is hidden; elsewhere a quoted piece is cut to a short token; any secret value
/// of the file that still appears is hidden; control characters are escaped.
struct SecretScrubber {
    /// The last part of every key whose value is a secret (`[snmp.communities]` entries too).
    static let secretKeyNames: Set<String> = ["community", "v3_auth_key", "v3_priv_key"]

    private let lines: [Substring]
    private var secretLines: Set<Int> = []
    private var secretValues: [String] = []

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var table: [String] = []
        for (offset, raw) in lines.enumerated() {
            let code = raw.trimmingCharacters(in: .whitespaces)
            if code.hasPrefix("[") {
                table = TOMLKeyLines.keyParts(code.drop(while: { $0 == "[" }).prefix(while: { $0 != "]" }))
                continue
            }
            guard let equals = code.firstIndex(of: "=") else { continue }
            let key = table + TOMLKeyLines.keyParts(code[..<equals])
            guard Self.isSecret(key) else { continue }
            secretLines.insert(offset + 1)
            let value = code[code.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            let unquoted = value.trimmingCharacters(in: CharacterSet(charactersIn: "\"' "))
            if unquoted.count >= 3 { secretValues.append(unquoted) }
        }
    }

    /// Whether a key path names a secret: `snmp.community`, `snmp.v3_auth_key`, `snmp.communities.NAME`.
    static func isSecret(_ path: [String]) -> Bool {
        guard let last = path.last else { return false }
        return secretKeyNames.contains(last) || path.dropLast().last == "communities"
    }

    /// `message` (about `line`) with secrets hidden, quoted pieces short, controls escaped.
    func message(_ message: String, line: Int) -> String {
        let hideQuoted = secretLines.contains(line) || secretLines.contains(line - 1)
        var out = ""
        var quoted: String?
        for c in message {
            if c == "'" {
                if let piece = quoted {
                    out += "'" + (hideQuoted ? "…" : Self.short(piece)) + "'"
                    quoted = nil
                } else {
                    quoted = ""
                }
            } else if var piece = quoted {
                piece.append(c)
                quoted = piece
            } else {
                out.append(c)
            }
        }
        if let piece = quoted { out += "'" + (hideQuoted ? "…" : Self.short(piece)) }
        for secret in secretValues { out = out.replacingOccurrences(of: secret, with: "…") }
        return TerminalText.escaped(String(out.prefix(300)))
    }

    private static func short(_ piece: String) -> String {
        piece.count > 24 ? String(piece.prefix(24)) + "…" : piece
    }
}
