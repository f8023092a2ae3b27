import Foundation
import GRDB
import Synchronization
import Testing
import TestSupport

@Suite("Import: a large device list beside other commands", .serialized,
       .enabled(if: CLI.available, "the kiemke binary is not built; run `swift build` first"))
struct LargeImportTests {
    @Test("a 200,000-row import and a mark at the same time both succeed")
    func markDuringLargeImport() async throws {
        let cli = CLI()
        #expect(try await cli.run("devices", "add", "PC-01", "--kind", "computer").status == 0)
        // Written by awk in its own process: building 200,000 lines here would hold one of the test
        // process's two cooperative threads for seconds and stall other suites' timing.
        let path = cli.folder.path("big.csv")
        let generated = try await KiemkeProcess.run(URL(fileURLWithPath: "/usr/bin/awk"), ["-v", "out=\(path)", """
            BEGIN { print "name,kind,address,location,condition,note" > out
                    for (i = 0; i < 200000; i++)
                        printf "CAM-%d,camera,10.%d.%d.%d,Tầng %d,good,\\n", i, int(i / 65536), int(i / 256) % 256, i % 256, i % 5 > out }
            """])
        #expect(generated.status == 0, "\(generated.stderr)")
        let done = Flag()
        let importing = Task {
            defer { done.value.store(true, ordering: .relaxed) }
            return try await cli.run("devices", "import", path)
        }
        // Marks one after another until the import ends, so that some meet its write lock: each
        // must wait for it rather than fail with "database is locked".
        var marks: [KiemkeProcess.Outcome] = []
        while !done.value.load(ordering: .relaxed) && marks.count < 500 {
            marks.append(try await cli.run("mark", "PC-01", marks.count % 2 == 0 ? "fair" : "good", "--note", "lần \(marks.count)"))
            try await Task.sleep(for: .milliseconds(50))
        }
        let result = try await importing.value
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("200000 added"), "\(result.stdout)")
        #expect(!marks.isEmpty)
        for mark in marks {
            #expect(mark.status == 0, "\(mark.stderr)")
        }
        #expect(try DatabaseProbe.count(cli.database, "SELECT COUNT(*) FROM device") == 200_001)
        #expect(try DatabaseProbe.count(cli.database, "SELECT COUNT(*) FROM conditionMark") == 200_001 + marks.count)
    }

    /// Set once the import has exited.
    final class Flag: Sendable {
        let value = Atomic<Bool>(false)
    }
}
