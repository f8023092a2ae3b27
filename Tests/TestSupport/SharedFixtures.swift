import Foundation

/// Where the tests find the project's checkout and the read-only `../shared` material beside it.
public enum SharedFixtures {
    /// The package root: the folder that holds `Package.swift`.
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// `../shared` beside the checkout, or nil when this clone has none.
    public static let sharedDirectory: URL? = {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { return nil }
        return url.standardizedFileURL
    }()

    /// A file under `../shared`, or nil when it is missing (tests then skip with a reason).
    public static func shared(_ relativePath: String) -> URL? {
        guard let url = sharedDirectory?.appendingPathComponent(relativePath),
              FileManager.default.fileExists(atPath: url.path) else { return nil }
        return url
    }

    /// Whether this process runs as root (tests that build network namespaces need it).
    public static var isRoot: Bool { getuid() == 0 }
}
