import Discovery

extension ConfigType where Value == [String] {
    /// Ranges a sweep accepts (192.168.1.0/24, 192.168.1.10-50, an address), each checked here so a typo
    /// stops the config with its line rather than a sweep hours later.
    static var sweepRanges: Self {
        Self { entry throws(ConfigError) in
            let list = try ConfigType<[String]>.strings.read(entry)
            for text in list {
                do {
                    _ = try SweepRange(text)
                } catch {
                    throw entry.invalid("\(error)")
                }
            }
            return list
        }
    }
}
