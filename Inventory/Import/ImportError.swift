/// Why a device list was not imported; nothing from the file was written.
public enum ImportError: Error, CustomStringConvertible, Equatable {
    /// The file cannot be read or parsed as CSV.
    case unreadable(file: String, reason: String)
    /// The header lacks a required column.
    case missingColumns(file: String, columns: [String])
    /// The file holds nothing (or only blank lines).
    case empty(file: String)
    /// The file has a header and no device below it.
    case noDeviceRows(file: String)
    /// Rows with problems; every one is listed.
    case badRows(file: String, problems: [ImportProblem])

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): \(reason); nothing was imported"
        case .missingColumns(let file, let columns):
            return "\(file): line 1: the header has no \(columns.joined(separator: ", ")) column; "
                + "expected a header like name,kind,address,location,condition,note; nothing was imported"
        case .empty(let file):
            return "\(file): file is empty; export the device list from the spreadsheet again (a header line name,kind,... and one row per device)"
        case .noDeviceRows(let file):
            return "\(file): no device rows: the file has a header and nothing below it; add one row per device; nothing was imported"
        case .badRows(let file, let problems):
            let lines = problems.map { "  \(file): \($0)" }
            return "\(file): \(problems.count) problem\(problems.count == 1 ? "" : "s"); nothing was imported:\n"
                + lines.joined(separator: "\n")
        }
    }
}

/// One problem in one row of an import file.
public struct ImportProblem: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var field: String
    public var message: String

    public init(line: Int, field: String, message: String) {
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String { "line \(line), \(field): \(message)" }
}
