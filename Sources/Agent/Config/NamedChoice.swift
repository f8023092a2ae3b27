import Foundation
import Inventory
import Probes
import KiemkeCore

/// A closed set of names a person types in the config or on the command line, matched ignoring case.
///
/// The config loader and the command-line options parse the same enums through this, so a
/// word the config accepts is accepted by `kiemke probe` too, and a typo is refused by both.
public protocol NamedChoice: CaseIterable, RawRepresentable<String>, Sendable {
    /// The case `text` names (case ignored), or nil.
    init?(parsing text: String)
}

extension NamedChoice {
    public init?(parsing text: String) {
        let wanted = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == wanted }) else { return nil }
        self = match
    }

    /// "noAuthNoPriv, authNoPriv, authPriv": the accepted names, for messages.
    public static var choiceList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// "1", "2c", "3" (and "v2c", "2"), through its own parser.
extension SNMPVersion: NamedChoice {}
extension SNMPSettings.SecurityLevel: NamedChoice {}
extension SNMPSettings.AuthProtocol: NamedChoice {}
extension SNMPSettings.PrivProtocol: NamedChoice {}
extension ReportLanguage: NamedChoice {}
extension DeviceSchedule: NamedChoice {}
