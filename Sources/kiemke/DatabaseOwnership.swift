import Foundation
import Synchronization

/// Gives the database files a root command created in the daemon's folder to the folder's owner.
///
/// The package keeps the database in /var/lib/kiemke, owned by the kiemke user the daemon runs
/// as. `sudo kiemke devices import` would otherwise leave a database (or its -wal/-shm files)
/// owned by root there, which the daemon then cannot write.
enum DatabaseOwnership {
    private static let database = Mutex<String?>(nil)

    /// Remembers the database a command opens, for `handOver()` at exit.
    static func remember(_ path: String) {
        database.withLock { $0 = path }
    }

    /// Run as root: files of the remembered database that root owns go to the owner of their folder.
    static func handOver() {
        guard getuid() == 0, let path = database.withLock({ $0 }) else { return }
        let folder = (path as NSString).deletingLastPathComponent
        var folderStatus = stat()
        guard stat(folder.isEmpty ? "." : folder, &folderStatus) == 0, folderStatus.st_uid != 0 else { return }
        for suffix in ["", "-wal", "-shm", "-journal"] {
            var fileStatus = stat()
            let file = path + suffix
            // lstat: never follow a link someone placed there to another file.
            if lstat(file, &fileStatus) == 0, fileStatus.st_uid == 0, (fileStatus.st_mode & S_IFMT) == S_IFREG {
                _ = chown(file, folderStatus.st_uid, folderStatus.st_gid)
            }
        }
    }
}
