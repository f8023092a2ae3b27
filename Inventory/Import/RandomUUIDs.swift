import Foundation

/// Version 4 (random) uuids in bulk: Foundation's `UUID()` opens and reads the kernel's random
/// source once per uuid on Linux, which a 200,000-row import paid 200,000 times (8% of it).
enum RandomUUIDs {
    /// `count` random uuids, their random bits read from /dev/urandom in one go (as `UUID()`
    /// reads them), each with the version (4) and variant bits RFC 9562 gives random uuids.
    static func make(count: Int) -> [UUID] {
        guard count > 16, let bytes = randomBytes(count * 16) else {
            return (0..<count).map { _ in UUID() }
        }
        return bytes.withUnsafeBytes { raw in
            (0..<count).map { index in
                var value: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
                withUnsafeMutableBytes(of: &value) { target in
                    target.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[(index * 16)..<(index * 16 + 16)]))
                    target[6] = (target[6] & 0x0F) | 0x40
                    target[8] = (target[8] & 0x3F) | 0x80
                }
                return UUID(uuid: value)
            }
        }
    }

    /// `count` bytes from the kernel's random source, or nil when it cannot be read fully.
    private static func randomBytes(_ count: Int) -> Data? {
        guard let source = FileHandle(forReadingAtPath: "/dev/urandom") else { return nil }
        defer { try? source.close() }
        guard let data = try? source.read(upToCount: count), data.count == count else { return nil }
        return data
    }
}
