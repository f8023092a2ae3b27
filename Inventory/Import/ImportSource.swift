import Foundation

/// Reads the bytes of a device list from where the user pointed: a file, or standard input
/// for `-`; every way that can fail is a sentence naming the path, never a Foundation error.
public enum ImportSource {
    /// What `kiemke devices import -` reads from.
    public static let standardInputName = "standard input"

    /// The bytes of `path` ("-": standard input) and the name to use for it in messages.
    public static func read(_ path: String, standardInput: () -> Data = { FileHandle.standardInput.readDataToEndOfFile() })
        throws(ImportError) -> (data: Data, file: String) {
        if path == "-" { return (standardInput(), standardInputName) }
        if let problem = FileProblem.reading(path) {
            throw .unreadable(file: path, reason: problem.replacingOccurrences(of: "the file inside it", with: "the CSV file inside it"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(file: path, reason: "the file cannot be read (a device or a damaged disk?); copy it to a local folder and try again")
        }
        return (data, path)
    }

    /// Why `data` is not a CSV file kiemke can read, when it is recognisably something else.
    static func workbookProblem(_ data: Data) -> String? {
        let start = Array(data.prefix(8))
        if start.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return "this is an Excel workbook (.xlsx) or another zipped document, not CSV: in Excel choose File > Save As > \"CSV UTF-8 (Comma delimited)\" and import that file"
        }
        if start.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return "this is an Excel workbook (.xls), not CSV: in Excel choose File > Save As > \"CSV UTF-8 (Comma delimited)\" and import that file"
        }
        return nil
    }
}
