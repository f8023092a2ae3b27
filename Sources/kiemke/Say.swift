import Agent

/// A line kiemke prints, in the user's language (`MessageLanguage.current`).
enum Say {
    /// `en` or `vi`, as the user reads.
    static func text(_ en: String, vi: String) -> String {
        MessageLanguage.current == .vi ? vi : en
    }
}
