import Foundation

/// Why a file cannot be read, as a sentence a person can act on. Foundation's own errors say
/// "The operation could not be completed. (NSCocoaErrorDomain error 256.)"; kiemke never shows them.
public enum FileProblem {
    /// What is wrong with reading `path`, found by asking the file system; nil when nothing is
    /// (the caller then has another reason, such as text that is not UTF-8).
    public static func reading(_ path: String) -> String? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            return "there is no such file; check the name and the folder"
        }
        if isFolder.boolValue { return "this is a folder, not a file; give the path of the file inside it" }
        if !FileManager.default.isReadableFile(atPath: path) {
            return "this user may not read the file (permission denied); check its permissions or run as its owner"
        }
        return nil
    }

    /// `reading(path)`, or a plain sentence when the file looks readable but could not be read.
    public static func describe(_ path: String, error: any Error) -> String {
        if let problem = reading(path) { return problem }
        if error is CocoaError, (error as? CocoaError)?.code == .fileReadInapplicableStringEncoding {
            return "the file is not UTF-8 text; save it as UTF-8"
        }
        return "the file cannot be read (a damaged disk, or not a regular file?); copy it to a local folder and try again"
    }
}
