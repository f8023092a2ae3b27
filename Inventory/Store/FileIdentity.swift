import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which file a path names (device and inode), to tell when the database file was deleted or
/// replaced under an open store: a connection keeps writing to the file it opened, even after
/// the path names another file or none.
struct FileIdentity: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
    /// When the file's inode last changed (data, size, mode, times): set by the kernel, so a
    /// `cp -p` cannot make a file still being written look old.
    var changed: Date

    /// The file `path` names now, or nil when there is none.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        changed = Date(timeIntervalSince1970: Double(info.st_ctim.tv_sec) + Double(info.st_ctim.tv_nsec) / 1e9)
    }

    /// Whether this names the same file as `other`, whatever was written to it since.
    func isSameFile(as other: FileIdentity) -> Bool {
        device == other.device && inode == other.inode
    }

    /// Whether nothing changed the file for `quiet` seconds: a restored copy is complete, not half-copied.
    func isSettled(quiet: TimeInterval, now: Date = Date()) -> Bool {
        now.timeIntervalSince(changed) >= quiet
    }
}
