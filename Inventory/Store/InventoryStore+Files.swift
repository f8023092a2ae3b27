import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

extension InventoryStore {
    /// Creates the database's folder (0700) and an empty database file (0600) when they are
    /// missing, whatever the umask: the file may hold SNMP communities.
    ///
    /// SQLite gives the -wal and -shm files the mode of the database file, so they follow.
    /// Existing folders and files are left as they are (an administrator may have chosen).
    static func createPrivately(path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try createFolders(folder) }
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if fd >= 0 {
            // The umask can only take bits away from 0600, but say it outright.
            _ = fchmod(fd, 0o600)
            close(fd)
        }
        // EEXIST: the file is there already; any other failure is SQLite's to report when it opens it.
    }

    /// Creates `folder` and its missing parents, each 0700.
    private static func createFolders(_ folder: String) throws {
        var missing: [String] = []
        var current = folder
        while !current.isEmpty, current != "/", !FileManager.default.fileExists(atPath: current) {
            missing.append(current)
            current = (current as NSString).deletingLastPathComponent
        }
        for path in missing.reversed() {
            if mkdir(path, 0o700) != 0 && errno != EEXIST {
                let reason = String(cString: strerror(errno))
                throw InventoryError.cannotCreateFolder(path: path, reason: reason)
            }
            _ = chmod(path, 0o700)
        }
    }

    /// Whether the database at `path` can be read by every user and holds SNMP communities
    /// (a device's own, not an "@NAME" naming the secrets file): the caller warns about it.
    ///
    /// A `stat` first, so that the usual private file costs no second open.
    public static func communitiesReadableByOthers(at path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IROTH != 0 else { return false }
        var config = Configuration()
        config.readonly = true
        guard let queue = try? DatabaseQueue(path: path, configuration: config) else { return false }
        defer { try? queue.close() }
        let sql = "SELECT EXISTS (SELECT 1 FROM device WHERE snmpCommunity IS NOT NULL AND snmpCommunity != '' AND snmpCommunity NOT LIKE '@%')"
        return (try? queue.read { try Bool.fetchOne($0, sql: sql) } ?? false) ?? false
    }
}
