import Foundation

/// What can go wrong when using the store, worded for the person at the keyboard.
public enum InventoryError: Error, CustomStringConvertible, Equatable {
    case deviceNotFound(name: String, suggestions: [String])
    case duplicateName(String)
    case invalidField(field: String, value: String, reason: String)
    case newerDatabase(path: String, unknownMigrations: [String])
    case cannotCreateFolder(path: String, reason: String)
    case cannotOpen(path: String, reason: String)
    /// A command that only reads was pointed at a file that does not exist.
    case missingDatabase(path: String)
    /// The database path names a folder.
    case databaseIsFolder(path: String)
    /// An older database that a read-only command cannot bring up to date.
    case needsUpgrade(path: String, reason: String)
    /// A condition mark dated before its device entered service.
    case markBeforeInService(device: String, markedAt: String, inService: String)
    /// The device named was retired; it can be shown, not changed.
    case retired(name: String, on: String)
    /// `devices edit` with nothing to change.
    case nothingToEdit(name: String)
    /// The file the store opened was deleted and nothing is in its place.
    case databaseDeleted(path: String)
    /// Another file was put in its place and is still being written.
    case databaseBeingReplaced(path: String)
    /// Another file was opened in place of the one the caller's row ids came from.
    case databaseReplaced(path: String)
    /// The file was deleted or replaced while a write was committing to it.
    case databaseReplacedWhileWriting(path: String)

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
        case .missingDatabase(let path):
            return "there is no database at \(path); run `kiemke devices import FILE` (or `kiemke devices add`) to create it, or name the right file with --db or KIEMKE_DB"
        case .databaseIsFolder(let path):
            return "the database path \(path) is a folder; give the path of the database file, e.g. \((path as NSString).appendingPathComponent("kiemke.sqlite"))"
        case .needsUpgrade(let path, let reason):
            return "the database \(path) was made by an older kiemke and must be brought up to date, which this user cannot do (\(reason)); run `kiemke status` once as a user who can write it (the daemon's user, or root)"
        case .retired(let name, let on):
            return "\(name) was already retired on \(on); `kiemke devices show \(name)` shows its history, and `kiemke devices add` puts a device of that name back in service"
        case .nothingToEdit(let name):
            return "nothing to change for \(name): give --address, --location, --kind, --name, --note or --schedule"
        case .markBeforeInService(let device, let markedAt, let inService):
            return "a mark of \(device) dated \(markedAt) would be earlier than its in-service date \(inService); date the mark later, or move the in-service date earlier (import the list with a `since` column)"
        case .databaseDeleted(let path):
            return "the database file \(path) was deleted; restore it from a backup (it is used again at once) or restart kiemke to start a new one"
        case .databaseBeingReplaced(let path):
            return "the database file \(path) was replaced and is still being written; it is opened once it has been left alone for a moment"
        case .databaseReplaced(let path):
            return "the database file \(path) was replaced by another file since the data to write was read; read it again"
        case .databaseReplacedWhileWriting(let path):
            return "the database file \(path) was deleted or replaced while writing to it; nothing was written to the file now there, try again"
        }
    }

    /// Whether the error comes from what the user typed or supplied (exit code 2) rather than the system (1).
    public var isInputError: Bool {
        switch self {
        case .deviceNotFound, .duplicateName, .invalidField, .databaseIsFolder, .markBeforeInService, .retired, .nothingToEdit: true
        case .newerDatabase, .cannotCreateFolder, .cannotOpen, .missingDatabase, .needsUpgrade, .databaseDeleted,
             .databaseBeingReplaced, .databaseReplaced, .databaseReplacedWhileWriting: false
        }
    }
}
