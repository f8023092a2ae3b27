import Foundation
import Inventory
import Probes
import KiemkeCore

extension Configuration {
    /// Reads a config file (and the secrets file it names); unknown keys, wrong types and bad values are errors.
    public static func load(from url: URL) throws(ConfigError) -> Configuration {
        var config = Configuration()
        var lines = try config.merge(file: url, secretsOnly: false)
        if let secrets = config.secretsFile {
            let secretsURL = URL(fileURLWithPath: secrets, relativeTo: url.deletingLastPathComponent())
            lines.merge(try config.merge(file: secretsURL, secretsOnly: true)) { _, new in new }
        }
        if config.snmp.version == .v3, config.snmp.v3User == nil, let origin = lines["snmp.version"] {
            throw .invalidValue(file: origin.file, line: origin.line, key: "snmp.version",
                                message: "SNMPv3 needs a user: set snmp.v3_user (and v3_auth_key, v3_priv_key for authPriv)")
        }
        return config
    }

    /// Adds the secrets of a secrets file (only `[snmp]` keys) to this configuration, as the
    /// config's `secrets` key does: for `probe --secrets-file`, so secrets stay out of `ps`.
    public mutating func loadSecrets(from url: URL) throws(ConfigError) {
        _ = try merge(file: url, secretsOnly: true)
    }

    /// Applies one file's keys; returns where each key was set, for checks that span keys.
    private mutating func merge(file url: URL, secretsOnly: Bool) throws(ConfigError) -> [String: ConfigEntry] {
        let path = url.path
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            // Never Foundation's "NSCocoaErrorDomain error 256": say what is wrong with the path.
            throw .unreadable(file: path, reason: FileProblem.describe(path, error: error))
        }
        var holdsSecrets = false
        var seen: [String: ConfigEntry] = [:]
        for entry in try ConfigDocument.entries(of: text, file: path) {
            seen[entry.path] = entry
            if secretsOnly && !entry.path.hasPrefix("snmp.") && entry.path != "sync.password" {
                throw .unknownKey(file: path, line: entry.line, key: entry.path, known: Self.knownKeys(in: "snmp"))
            }
            if Self.secretKeys.contains(entry.path) || SecretScrubber.isSecret(entry.parts) { holdsSecrets = true }
            try apply(entry)
        }
        if holdsSecrets, let attributes = try? FileManager.default.attributesOfItem(atPath: path),
           let mode = attributes[.posixPermissions] as? Int, mode & 0o004 != 0 {
            exposedSecretFiles.append(path)
        }
        return seen
    }

    /// Sets the key `entry` names, found in the key tables; a key in none of them is an error.
    private mutating func apply(_ entry: ConfigEntry) throws(ConfigError) {
        let parts = entry.parts
        if parts.count == 3, parts[0] == "kinds" {
            guard let kind = DeviceKind(rawValue: parts[1]) else {
                throw entry.invalid("[kinds.\(parts[1])]: " + DeviceKind.notAKind(String(parts[1])))
            }
            guard let key = KindSettings.keys.first(where: { $0.path == parts[2] }) else {
                throw .unknownKey(file: entry.file, line: entry.line, key: entry.path, known: KindSettings.keys.map(\.path))
            }
            var settings = kinds[kind] ?? KindSettings()
            try key.assign(entry, to: &settings)
            kinds[kind] = settings
            return
        }
        if parts.count == 3, parts[0] == "snmp", parts[1] == "communities" {
            if let problem = DeviceTextRules.communityProblem("@" + parts[2]) {
                throw entry.invalid("[snmp.communities]: \(TerminalText.quoted(parts[2])): \(problem)")
            }
            let community = try ConfigType<String>.string.read(entry)
            if community.isEmpty { throw entry.invalid("is empty; write the community") }
            snmp.communities[parts[2]] = community
            return
        }
        guard let key = Self.keys.first(where: { $0.path == entry.path }) else {
            let table = parts.count > 1 ? parts.dropLast().joined(separator: ".") : ""
            throw .unknownKey(file: entry.file, line: entry.line, key: entry.path, known: Self.knownKeys(in: table))
        }
        try key.assign(entry, to: &self)
    }

    /// The full names of the keys of one table ("" for the top level), for "known keys here" hints.
    static func knownKeys(in table: String) -> [String] {
        keys.map(\.path).filter { path in
            let parent = path.split(separator: ".").dropLast().joined(separator: ".")
            return parent == table
        }
    }
}
