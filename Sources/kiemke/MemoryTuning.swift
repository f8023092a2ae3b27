#if canImport(Glibc)
import Glibc
#endif

/// Keeps a long-running daemon's resident memory close to what it uses.
///
/// glibc gives each thread that allocates its own arena (up to eight per core) and keeps freed
/// memory in them; the probe threads allocate in bursts once a minute, so without this the
/// daemon's resident size grows with the number of arenas rather than with the work.
/// `malloc.h` is not part of Swift's Glibc module, so the two calls are looked up by name.
enum MemoryTuning {
    /// glibc's `M_ARENA_MAX` option for `mallopt`.
    private static let arenaMaxOption: Int32 = -8

    /// Limits glibc to two malloc arenas; called once at start-up, before any probe thread runs.
    static func limitArenas() {
        #if canImport(Glibc)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: Mallopt.self)(arenaMaxOption, 2)
        #endif
    }

    /// Returns memory freed by the last batch to the system.
    static func releaseFreedMemory() {
        #if canImport(Glibc)
        typealias MallocTrim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
        #endif
    }
}
