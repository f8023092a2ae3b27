import KiemkeCore

extension ConfigType where Value == [String] {
    /// Lines of a heading block: a string (lines split at "\n") or an array of strings; each trimmed, empty ones dropped.
    static var lines: Self {
        Self { entry throws(ConfigError) in
            let parts: [String]
            switch entry.value {
            case .string(let s): parts = s.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
            case .array: parts = try ConfigType<[String]>.strings.read(entry)
            default: throw entry.wrongType("a string or an array of strings")
            }
            return parts.map(NameKey.clean).filter { !$0.isEmpty }
        }
    }

    /// An array of strings, each trimmed, empty ones dropped.
    static var cleanTexts: Self {
        Self { entry throws(ConfigError) in try ConfigType<[String]>.strings.read(entry).map(NameKey.clean).filter { !$0.isEmpty } }
    }
}
