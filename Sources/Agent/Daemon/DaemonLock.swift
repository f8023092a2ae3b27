import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One daemon per database: an exclusive `flock` on `<database>.lock`, which holds the pid of
/// the daemon that has it.
///
/// The kernel releases the lock when the process ends, however it ends (even `kill -9`), so a
/// stale file never blocks a start. Commands (`mark`, `import`, `report`) do not take it.
public final class DaemonLock: Sendable {
    /// The lock file.
    public let path: String
    private let descriptor: Int32

    /// Takes the lock for the database at `databasePath`, or throws naming the daemon that has it.
    public init(databasePath: String) throws(DaemonLockError) {
        path = databasePath + ".lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else {
            throw .cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        var result: Int32
        repeat { result = flock(fd, LOCK_EX | LOCK_NB) } while result != 0 && errno == EINTR
        if result != 0 {
            let reason = errno
            let holder = Self.readPid(fd)
            close(fd)
            if reason == EWOULDBLOCK {
                throw .held(database: databasePath, pid: holder, lockFile: path)
            }
            throw .cannotCreate(path: path, reason: String(cString: strerror(reason)))
        }
        let text = "\(getpid())\n"
        _ = ftruncate(fd, 0)
        _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
        descriptor = fd
    }

    deinit {
        // Emptied first: a pid left in the file would name a process that no longer has the lock.
        _ = ftruncate(descriptor, 0)
        close(descriptor)
    }

    private static func readPid(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(fd, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return Int32(text).flatMap { $0 > 0 ? $0 : nil }
    }
}
