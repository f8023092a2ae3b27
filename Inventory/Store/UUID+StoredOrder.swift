import Foundation

extension UUID {
    /// The uuid as two big-endian words, which sort as its upper-case text (the form the store
    /// keeps and indexes) does.
    var storedOrder: (UInt64, UInt64) {
        withUnsafeBytes(of: uuid) {
            ($0.loadUnaligned(as: UInt64.self).bigEndian, $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self).bigEndian)
        }
    }
}
