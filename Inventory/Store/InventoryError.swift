import Foundation

/// What can go wrong when using the store, worded for the person at the keyboard.
public enum InventoryError: Error, CustomStringConvertible, Equatable {
    case deviceNotFound(name: String, suggestions: [String])
    case duplicateName(String)
    case invalidField(field: String, value: String, reason: String)
    case newerDatabase(path: String, unknownMigrations: [String])
    case cannotCreateFolder(path: String, reason: String)
    case cannotOpen(path: String, reason: String)

    public var description: String {
        switch self {
        case .deviceNotFound(let name, let suggestions):
            let hint = suggestions.isEmpty
                ? "; `kiemke devices list` shows every device"
                : "; did you mean \(suggestions.map { "\"\($0)\"" }.joined(separator: ", "))?"
            return "no device named \"\(name)\"\(hint)"
        case .duplicateName(let name):
            return "a device named \"\(name)\" already exists; pick another name or `kiemke devices remove` the old one first"
        case .invalidField(let field, let value, let reason):
            return "\(field) \"\(value)\" is not valid: \(reason)"
        case .newerDatabase(let path, let unknown):
            return "the database \(path) was written by a newer kiemke (schema steps this version does not know: \(unknown.joined(separator: ", "))); upgrade kiemke, or use another --db"
        case .cannotCreateFolder(let path, let reason):
            return "cannot create the folder \(path) for the database: \(reason); choose another place with --db or KIEMKE_DB"
        case .cannotOpen(let path, let reason):
            return "cannot open the database \(path): \(reason)"
        }
    }

    /// Whether the error comes from what the user typed or supplied (exit code 2) rather than the system (1).
    public var isInputError: Bool {
        switch self {
        case .deviceNotFound, .duplicateName, .invalidField: true
        case .newerDatabase, .cannotCreateFolder, .cannotOpen: false
        }
    }
}
