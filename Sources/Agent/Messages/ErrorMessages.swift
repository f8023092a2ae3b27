import Inventory

/// How the executable words an error a command threw, in the user's language.
public enum ErrorMessages {
    /// The message for `error`: its own text in `language` when it has one.
    ///
    /// An error with no Vietnamese text (one from a library kiemke does not own) keeps its
    /// English description under a Vietnamese lead-in, so nothing is hidden from the user.
    public static func text(for error: any Error, language: ReportLanguage) -> String {
        if let message = error as? any BilingualMessage {
            return message.text(language)
        }
        switch language {
        case .en: return "\(error)"
        case .vi: return "lỗi hệ thống (chi tiết bằng tiếng Anh): \(error)"
        }
    }

    /// "kiemke: " before a message on standard error, as every command prints it.
    public static func line(for error: any Error, language: ReportLanguage) -> String {
        "kiemke: " + text(for: error, language: language)
    }
}
