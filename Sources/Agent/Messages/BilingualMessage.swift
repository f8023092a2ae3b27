import Inventory

/// Something kiemke says to the person at the keyboard, in Vietnamese and in English.
///
/// Every error enum a command can throw conforms in `TypeName+Vietnamese.swift` beside this
/// file, with an exhaustive switch: a new case without its Vietnamese text does not compile.
/// The English text is the enum's own `description`, so English output stays what it was.
public protocol BilingualMessage {
    /// The Vietnamese text.
    var vietnamese: String { get }
}

extension BilingualMessage {
    /// The text in `language`.
    public func text(_ language: ReportLanguage) -> String {
        switch language {
        case .vi: vietnamese
        case .en: String(describing: self)
        }
    }
}
