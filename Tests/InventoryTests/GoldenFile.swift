import Foundation
import Testing

/// An expected output kept under `Tests/InventoryTests/Golden/`, compared byte for byte.
///
/// `KIEMKE_UPDATE_GOLDEN=1 swift test --filter ReportGolden` rewrites the files from the current code;
/// review the diff before committing it.
struct GoldenFile {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static var updating: Bool { ProcessInfo.processInfo.environment["KIEMKE_UPDATE_GOLDEN"] == "1" }

    var name: String

    init(_ name: String) {
        self.name = name
    }

    var url: URL { Self.folder.appendingPathComponent(name) }

    /// Checks `actual` against the file; on a mismatch, says where and keeps the actual output beside it in /tmp.
    func check(_ actual: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if Self.updating {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let expected = try? Data(contentsOf: url) else {
            Issue.record("missing golden file \(url.path); run with KIEMKE_UPDATE_GOLDEN=1 to create it", sourceLocation: sourceLocation)
            return
        }
        if expected == Data(actual.utf8) { return }
        let saved = FileManager.default.temporaryDirectory.appendingPathComponent("kiemke-actual-" + name)
        try? Data(actual.utf8).write(to: saved)
        let want = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
        let got = actual.components(separatedBy: "\n")
        let line = zip(want, got).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(want.count, got.count)
        Issue.record("""
            \(name) differs from the golden file at line \(line + 1):
              expected: \(line < want.count ? want[line] : "<end>")
              actual:   \(line < got.count ? got[line] : "<end>")
            actual output saved to \(saved.path)
            """, sourceLocation: sourceLocation)
    }

    /// Checks `actual` against a digest file, for outputs that would copy ../shared material into the repository.
    func checkDigest(_ actual: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let bytes = Array(actual.utf8)
        let digest = "fnv1a64 \(String(Self.fnv1a64(bytes), radix: 16)) bytes \(bytes.count)\n"
        if Self.updating {
            try check(digest, sourceLocation: sourceLocation)
            return
        }
        let saved = FileManager.default.temporaryDirectory.appendingPathComponent("kiemke-actual-" + name + ".txt")
        let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? "<missing>"
        if expected != digest {
            try? Data(actual.utf8).write(to: saved)
            Issue.record("\(name): the output's digest is \(digest) not \(expected); actual output saved to \(saved.path)",
                         sourceLocation: sourceLocation)
        }
    }

    /// FNV-1a, 64 bits: enough to pin bytes against accidental change (not against an adversary).
    static func fnv1a64(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
