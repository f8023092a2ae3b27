/// Why a .docx could not be written.
public enum WordFileError: Error, CustomStringConvertible {
    /// The ZIP library failed while adding a part (in memory, so only on exhausted memory or a library fault).
    case archive(part: String, reason: String)

    public var description: String {
        switch self {
        case .archive(let part, let reason): "could not add \(part) to the .docx archive: \(reason)"
        }
    }
}
