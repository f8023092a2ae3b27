import Foundation
import TestSupport

/// The real consumers of a .docx the tests hand files to: python-docx and LibreOffice (with poppler's
/// PDF tools). `scripts/install-deps` installs them; tests skip with a reason where they are missing.
enum DocxReaders {
    /// A Python with python-docx: `$KIEMKE_DOCX_PYTHON`, else the venv install-deps makes.
    static let python: URL? = {
        let candidates = [ProcessInfo.processInfo.environment["KIEMKE_DOCX_PYTHON"], "/opt/kiemke-docx-venv/bin/python3"]
        return candidates.compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0) }.map(URL.init(fileURLWithPath:))
    }()

    /// LibreOffice's command-line program (Debian: libreoffice-writer-nogui).
    static let soffice: URL? = program("soffice") ?? program("libreoffice")
    static let pdfinfo: URL? = program("pdfinfo")
    static let pdftotext: URL? = program("pdftotext")

    static var hasLibreOffice: Bool { soffice != nil && pdfinfo != nil && pdftotext != nil }

    static func program(_ name: String) -> URL? {
        for folder in ["/usr/local/bin", "/usr/bin", "/bin"] {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return URL(fileURLWithPath: path) }
        }
        return nil
    }

    /// What read_docx.py says of a file.
    struct Reading: Decodable {
        struct Section: Decodable {
            var page_width_mm: Double
            var page_height_mm: Double
            var top_mm: Double
            var bottom_mm: Double
            var left_mm: Double
            var right_mm: Double
            var different_first_page: Bool
            var header: Header
            var first_page_header: Header
        }

        struct Header: Decodable {
            var text: String
            var page_field: Bool
        }

        struct Style: Decodable {
            var font: String?
            var size: Double?
            var bold: Bool
            var italic: Bool
            var alignment: String?
            var first_line_indent_cm: Double?
            var space_after_pt: Double?
            var line_spacing: Double?
        }

        struct Paragraph: Decodable {
            var style: String
            var text: String
        }

        var sections: [Section]
        var styles: [String: Style]
        var paragraphs: [Paragraph]
        var tables: [[[String]]]
        var table_paragraphs: [[[[Paragraph]]]]
    }

    /// Opens `file` with python-docx.
    static func read(_ file: String) async throws -> Reading {
        guard let python else { throw KiemkeProcess.RunError("python-docx is not installed") }
        let script = SharedFixtures.packageRoot.appendingPathComponent("Tests/WordDocumentTests/Scripts/read_docx.py").path
        let outcome = try await KiemkeProcess.run(python, [script, file])
        guard outcome.status == 0 else { throw KiemkeProcess.RunError("python-docx could not read \(file): \(outcome.stderr)") }
        return try JSONDecoder().decode(Reading.self, from: Data(outcome.stdout.utf8))
    }

    /// Converts `file` with LibreOffice headless to `filter` ("pdf", "txt:Text (encoded):UTF8") in
    /// `folder`; returns the output path and what LibreOffice wrote to stderr.
    static func convert(_ file: String, to filter: String, in folder: TemporaryDirectory) async throws -> (path: String, stderr: String) {
        guard let soffice else { throw KiemkeProcess.RunError("LibreOffice is not installed") }
        // A profile of its own, so conversions running at once do not share a lock.
        let profile = "file://" + folder.path("lo-profile-\(UUID().uuidString)")
        let outcome = try await KiemkeProcess.run(soffice, ["-env:UserInstallation=\(profile)", "--headless", "--norestore",
                                                           "--convert-to", filter, "--outdir", folder.path("out"), file])
        let base = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let ext = String(filter.prefix { $0 != ":" })
        let output = folder.path("out/\(base).\(ext)")
        guard outcome.status == 0, FileManager.default.fileExists(atPath: output) else {
            throw KiemkeProcess.RunError("LibreOffice did not convert \(file) to \(filter) (exit \(outcome.status)): \(outcome.stderr)")
        }
        return (output, outcome.stderr)
    }

    /// The number of pages pdfinfo counts.
    static func pageCount(_ pdf: String) async throws -> Int {
        guard let pdfinfo else { throw KiemkeProcess.RunError("pdfinfo is not installed") }
        let outcome = try await KiemkeProcess.run(pdfinfo, [pdf])
        let line = outcome.stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") }
        guard let line, let pages = Int(line.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) else {
            throw KiemkeProcess.RunError("pdfinfo gave no page count: \(outcome.stdout) \(outcome.stderr)")
        }
        return pages
    }

    /// One page's text, as pdftotext reads it.
    static func pageText(_ pdf: String, page: Int) async throws -> String {
        guard let pdftotext else { throw KiemkeProcess.RunError("pdftotext is not installed") }
        return try await KiemkeProcess.run(pdftotext, ["-f", "\(page)", "-l", "\(page)", "-layout", pdf, "-"]).stdout
    }
}
