/// One key of a config file with its value and where it was written.
struct ConfigEntry: Equatable, Sendable {
    /// The key's full name, "probe.interval", as messages name it.
    var path: String
    var value: ConfigValue
    var file: String
    var line: Int

    /// The key's parts: ["kinds", "camera", "interval"].
    var parts: [String] { path.split(separator: ".", omittingEmptySubsequences: false).map(String.init) }

    /// The error for a value of the right type that is not allowed.
    func invalid(_ message: String) -> ConfigError {
        .invalidValue(file: file, line: line, key: path, message: message)
    }

    /// The error for a value of the wrong type.
    func wrongType(_ expected: String) -> ConfigError {
        .wrongType(file: file, line: line, key: path, expected: expected, found: value.typeName)
    }
}
