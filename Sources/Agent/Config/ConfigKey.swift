/// One key the config file accepts, declared once: its name, its type, and what it sets.
///
/// The tables of these (`Configuration.keys`, `Configuration.KindSettings.keys`) are the only
/// place a key is named: the loader finds unknown keys, checks types and values, assigns, and
/// lists the known keys in messages, all from them.
struct ConfigKey<Target>: Sendable {
    /// The key within its table: "probe.interval", or "interval" inside `[kinds.camera]`.
    let path: String
    private let apply: @Sendable (inout Target, ConfigEntry) throws(ConfigError) -> Void

    /// A key holding `type`, which `assign` stores into the target.
    init<Value>(_ path: String, _ type: ConfigType<Value>,
                assign: @escaping @Sendable (inout Target, Value) -> Void) {
        self.path = path
        self.apply = { target, entry throws(ConfigError) in assign(&target, try type.read(entry)) }
    }

    /// Reads `entry`'s value as this key's type and stores it; throws naming the file, line and key.
    func assign(_ entry: ConfigEntry, to target: inout Target) throws(ConfigError) {
        try apply(&target, entry)
    }
}
