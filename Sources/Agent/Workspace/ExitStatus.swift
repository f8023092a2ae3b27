import Inventory

/// The exit codes kiemke documents: 0 success, 1 runtime failure, 2 usage or input error.
public enum ExitStatus {
    public static let success: Int32 = 0
    public static let runtimeFailure: Int32 = 1
    public static let inputError: Int32 = 2

    /// The exit code for an error a command threw: input problems are 2, everything else 1.
    public static func code(for error: any Error) -> Int32 {
        switch error {
        case let error as InventoryError: return error.isInputError ? inputError : runtimeFailure
        case let error as ReportFileWriter.Failure: return error.isInputError ? inputError : runtimeFailure
        case is ReportFormat.NotText: return inputError
        case is ImportError, is ConfigError, is SNMPCredentialsError, is CSVReader.Failure, is InputError,
             is OfficeDate.Failure, is ReportPeriod.Failure: return inputError
        default: return runtimeFailure
        }
    }
}

/// A problem with what the user typed that no library type describes (a bad --period, say).
public struct InputError: Error, CustomStringConvertible {
    public var description: String
    /// The same in Vietnamese; nil for messages not yet translated (they show under a Vietnamese lead-in).
    public var vietnameseText: String?

    public init(_ description: String, vi vietnameseText: String? = nil) {
        self.description = description
        self.vietnameseText = vietnameseText
    }
}
