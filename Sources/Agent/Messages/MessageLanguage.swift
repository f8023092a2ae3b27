import Foundation
import Inventory

/// The language kiemke talks to the person at the keyboard in: messages, errors and help.
///
/// A `language` key written in the config file decides; without one, the locale does
/// (LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders them): "vi…" is Vietnamese, anything
/// else English. The config's built-in default ("vi", the report's language) does not count, so
/// a machine with no config and an English locale gets English.
public enum MessageLanguage {
    /// This process's language, worked out once from its command line and environment.
    public static let current: ReportLanguage = resolve(
        arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)

    /// The language for this process, from its arguments (`--config`), `KIEMKE_CONFIG`,
    /// `/etc/kiemke/kiemke.toml` and the locale variables.
    public static func resolve(arguments: [String], environment: [String: String]) -> ReportLanguage {
        if let path = configPath(arguments: arguments, environment: environment),
           let configured = configured(inFile: path) {
            return configured
        }
        return fromLocale(environment)
    }

    /// The language the locale variables name: the first of LC_ALL, LC_MESSAGES, LANG that is set.
    public static func fromLocale(_ environment: [String: String]) -> ReportLanguage {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty {
                return value.lowercased().hasPrefix("vi") ? .vi : .en
            }
        }
        return .en
    }

    /// The `language` a config file sets, or nil when it sets none or cannot be read (the
    /// command itself reports an unreadable config, in the language the locale gives).
    static func configured(inFile path: String) -> ReportLanguage? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
              let entries = try? ConfigDocument.entries(of: text, file: path),
              let entry = entries.first(where: { $0.path == "language" }),
              case .string(let value) = entry.value else { return nil }
        return ReportLanguage(rawValue: value.lowercased())
    }

    /// The config file a command would read, found the way `Workspace` finds it.
    static func configPath(arguments: [String], environment: [String: String]) -> String? {
        var index = arguments.startIndex
        var flag: String?
        while index < arguments.endIndex {
            let word = arguments[index]
            if word == "--config", index + 1 < arguments.endIndex {
                flag = arguments[index + 1]
                index += 2
                continue
            }
            if word.hasPrefix("--config=") { flag = String(word.dropFirst("--config=".count)) }
            index += 1
        }
        if let flag { return flag }
        if let path = environment["KIEMKE_CONFIG"], !path.isEmpty { return path }
        let system = "/etc/kiemke/kiemke.toml"
        return FileManager.default.fileExists(atPath: system) ? system : nil
    }
}
