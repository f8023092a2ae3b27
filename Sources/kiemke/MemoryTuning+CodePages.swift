import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension MemoryTuning {
    /// Linux's `MADV_PAGEOUT` (5.4 and later; older kernels refuse it, which costs nothing).
    private static let pageOut: Int32 = 21

    /// Lets the kernel keep only the program code the daemon runs, not the code around it.
    ///
    /// kiemke is one static executable of about 50 MB of code and read-only data, for every command;
    /// the polling runs a few megabytes of it. A page fault on a file mapping reads ahead around it
    /// (`read_ahead_kb`: 128 KB on a stock Debian, 8 MB on some virtual machines) and maps the
    /// cached neighbours of the page (64 KB), so the daemon otherwise ends up with 20 to 28 MB of code
    /// resident, most of it argument parsing, migrations and commands it never runs again.
    /// Called once the daemon has started, before it polls: `MADV_RANDOM` stops the read-ahead on its
    /// own mappings, and `MADV_PAGEOUT` hands back the pages start-up touched; those the polling needs
    /// come back one by one (from the page cache when they are still there). Both are hints: the
    /// contents never change, so a kernel that ignores them only leaves the memory as it was.
    /// But the kernel pages out a file's pages only for a process that could write the file (Linux
    /// 6.x), and the packaged daemon runs as the kiemke user, which cannot write /usr/bin/kiemke: there
    /// `MADV_PAGEOUT` left all of start-up's code resident (26 MB against 17 as root). So the code and the
    /// read-only segment (never written) are then unmapped with `MADV_DONTNEED`, which needs no permission
    /// and leaves the pages in the page cache: a page faulted in again reads the same bytes from the
    /// file. The data mappings may hold relocated pointers that exist only in memory: only paged out.
    /// Last, the file's pages nobody maps any more leave the page cache (`POSIX_FADV_DONTNEED`, which any
    /// reader may ask), as `MADV_PAGEOUT` does for root: a fault then maps the one page the daemon
    /// runs, where with the whole file cached it maps the 64 KB around it (fault-around), mostly code
    /// the polling never runs. The cost is reading those pages from the disk once (the next `kiemke`
    /// command reads what it runs the same way); nothing is written.
    static func releaseStartupCode() {
        #if os(Linux)
        for mapping in executableMappings() {
            _ = madvise(mapping.start, mapping.length, MADV_RANDOM)
            _ = madvise(mapping.start, mapping.length, pageOut)
            if mapping.isCode { _ = madvise(mapping.start, mapping.length, MADV_DONTNEED) }
        }
        let file = open("/proc/self/exe", O_RDONLY | O_CLOEXEC)
        if file >= 0 {
            _ = posix_fadvise(file, 0, 0, POSIX_FADV_DONTNEED)
            close(file)
        }
        #endif
    }

    /// The address ranges `/proc/self/maps` lists for the executable's own file; `isCode` when never written.
    private static func executableMappings() -> [(start: UnsafeMutableRawPointer, length: Int, isCode: Bool)] {
        guard let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"),
              let maps = try? FileHandle(forReadingFrom: URL(fileURLWithPath: "/proc/self/maps")).readToEnd()
        else { return [] }
        // A line: "start-end perms offset dev inode path"; the path may hold spaces.
        return String(decoding: maps, as: UTF8.self).split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
            guard fields.count == 6, fields[5].trimmingCharacters(in: .whitespaces) == executable else { return nil }
            let bounds = fields[0].split(separator: "-")
            guard bounds.count == 2, let start = UInt(bounds[0], radix: 16), let end = UInt(bounds[1], radix: 16), end > start,
                  let address = UnsafeMutableRawPointer(bitPattern: start) else { return nil }
            // Only a mapping that is never written is dropped: the code ("r-xp") and the read-only
            // segment at the start of the file (headers, symbols, unwind tables: lld's layout puts
            // them in an "r--p" mapping at offset 0). The other "r--p" mapping is relocated data
            // made read-only after start (RELRO), which exists only in memory: never at offset 0.
            let offset = UInt(fields[2], radix: 16)
            return (address, Int(end - start), fields[1] == "r-xp" || (fields[1] == "r--p" && offset == 0))
        }
    }
}
