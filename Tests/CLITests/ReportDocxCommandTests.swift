import Foundation
import Testing
import TestSupport

@Suite("CLI: kiemke report --format docx writes a Word file, never to the terminal",
       .enabled(if: CLI.available, "the kiemke binary is not built; run `swift build` first"))
struct ReportDocxCommandTests {
    /// A database with a few devices, one of them broken.
    static func office() async throws -> CLI {
        let cli = CLI()
        let csv = try cli.folder.write("devices.csv", "name,kind,address,location,condition,note\nPC-01,computer,,Văn phòng,good,\nPHOTO-02,copier,,Một cửa,broken,hỏng trống\n")
        let imported = try await cli.run("devices", "import", csv.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        return cli
    }

    @Test("usage mistakes exit 2 with a message naming the fix, and write nothing", arguments: [
        (["report", "--format", "docx"], "--output"),
        (["report", "--document"], "--format docx"),
        (["report", "--format", "text", "--document", "--output", "x.txt"], "--format docx"),
        (["report", "--format", "docx", "--output", "/no/such/folder/bao-cao.docx"], "/no/such/folder does not exist"),
    ])
    func usage(arguments: [String], message: String) async throws {
        let cli = try await Self.office()
        let outcome = try await cli.run(arguments)
        #expect(outcome.status == 2, "\(outcome.stderr)")
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: "x.txt"))
    }

    @Test("an --output that is a folder is refused before any work, and the folder is untouched")
    func folderAsOutput() async throws {
        let cli = try await Self.office()
        let outcome = try await cli.run("report", "--format", "docx", "--output", cli.folder.url.path)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("it is a folder"), "\(outcome.stderr)")
    }

    @Test("section and whole-document files are ZIP archives written whole; --output works for text too", arguments: [
        ["--format", "docx"], ["--format", "docx", "--document"], ["--format", "markdown"],
    ])
    func writes(arguments: [String]) async throws {
        let cli = try await Self.office()
        let path = cli.folder.path("bao-cao-muc-6.out")
        let outcome = try await cli.run(["report"] + arguments + ["--output", path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty, "nothing on the terminal")
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        if arguments.contains("docx") {
            #expect(data.prefix(2) == Data("PK".utf8), "a ZIP archive")
        } else {
            #expect(String(decoding: data, as: UTF8.self).contains("đã bị hỏng"))
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cli.folder.url.path).filter { $0.contains("bao-cao") }
        #expect(leftovers == ["bao-cao-muc-6.out"], "no temporary file left beside it")
    }
}
