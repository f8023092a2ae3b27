import Foundation

/// Writes a report to a file whole or not at all, so a failed run never leaves half a document.
public enum ReportFileWriter {
    /// Why `path` cannot or could not be written.
    public struct Failure: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        /// Whether the path itself is wrong (a missing folder, a folder named as the file): a usage error.
        public var isInputError: Bool
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Checks that `path` names a file in an existing folder, before any work is done.
    public static func check(_ path: String) throws(Failure) {
        guard !path.isEmpty else { throw Failure(path: "\"\"", reason: "the file name is empty", isInputError: true) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw Failure(path: path, reason: "it is a folder; give a file name such as \(path)/bao-cao-muc-6.docx", isInputError: true)
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Failure(path: path, reason: "the folder \(folder) does not exist", isInputError: true)
        }
    }

    /// Writes `data` to a temporary file beside `path` and renames it over `path`.
    public static func write(_ data: Data, to path: String) throws(Failure) {
        try check(path)
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? error.localizedDescription
            throw Failure(path: path, reason: reason, isInputError: false)
        }
    }
}
