import Foundation
import GRDB
import Testing
import TestSupport

@Suite("Import: a large device list beside other commands", .serialized,
       .enabled(if: CLI.available, "the kiemke binary is not built; run `swift build` first"))
struct LargeImportTests {
    @Test("a 200,000-row import and a mark at the same time both succeed")
    func markDuringLargeImport() async throws {
        let cli = CLI()
        #expect(try await cli.run("devices", "add", "PC-01", "--kind", "computer").status == 0)
        var csv = "name,kind,address,location,condition,note\n"
        csv.reserveCapacity(200_000 * 48)
        for i in 0..<200_000 {
            csv += "CAM-\(i),camera,10.\(i >> 16).\((i >> 8) & 255).\(i & 255),Tầng \(i % 5),good,\n"
        }
        try cli.folder.write("big.csv", csv)
        async let imported = cli.run("devices", "import", cli.folder.path("big.csv"))
        // Marks while the import runs, including while it holds the write lock: each waits for it.
        var marks: [KiemkeProcess.Outcome] = []
        for i in 0..<5 {
            try await Task.sleep(for: .milliseconds(400))
            marks.append(try await cli.run("mark", "PC-01", i % 2 == 0 ? "fair" : "good", "--note", "lần \(i)"))
        }
        let result = try await imported
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("200000 added"), "\(result.stdout)")
        for mark in marks {
            #expect(mark.status == 0, "\(mark.stderr)")
            #expect(!mark.stderr.contains("locked"))
        }
        #expect(try DatabaseProbe.count(cli.database, "SELECT COUNT(*) FROM device") == 200_001)
        #expect(try DatabaseProbe.count(cli.database, "SELECT COUNT(*) FROM conditionMark") == 200_001 + 5)
    }
}
