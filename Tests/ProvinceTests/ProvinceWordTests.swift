import Foundation
import Inventory
import KiemkeCore
import ProvinceStore
import ProvinceSync
import Testing
import TestSupport

/// The province's table as a Word file, made by the local report's Word renderer: python-docx
/// reads its table back, and every cell says what the JSON form says.
@Suite("Province table as docx", .serialized, .timeLimit(.minutes(10)))
struct ProvinceWordTests {
    static let now = ["KIEMKE_NOW": "2026-11-27T10:00:00+07:00"]
    /// A Python with python-docx, as `scripts/install-deps` installs it.
    static let python = [ProcessInfo.processInfo.environment["KIEMKE_DOCX_PYTHON"], "/opt/kiemke-docx-venv/bin/python3"]
        .compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0) }

    static let readTables = """
        import docx, json, sys
        document = docx.Document(sys.argv[1])
        print(json.dumps({"tables": [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables],
                          "paragraphs": [p.text for p in document.paragraphs]}, ensure_ascii=False))
        """

    @Test("report --from-province --format docx: a table whose cells equal the JSON, in vi and en")
    func tableCellsEqualJSON() async throws {
        if let reason = PostgresServer.missing { print("skipped: \(reason)"); return }
        guard let python = Self.python else { print("skipped: python-docx is not installed (scripts/install-deps installs it)"); return }
        let codes = ["A", "B", "C"]
        let province = try await ProvinceFixture(offices: codes)
        for (index, code) in codes.enumerated() {
            let commune = try CommuneHistory(office: "UBND xã \(code)", seed: index + 1, days: 3 + index)
            try await SyncRound.run(store: commune.store, settings: try province.settings(code: code, office: commune.office),
                                    logger: province.logger)
        }
        let admin = province.server.adminURL
        let jsonRun = try await ChildProcess.kiemke(["report", "--from-province", admin, "--period", "2026-H2", "--format", "json"],
                                                    environment: Self.now)
        #expect(jsonRun.status == 0, "\(jsonRun.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(jsonRun.stdout.utf8)) as? [String: Any])
        let offices = try #require(json["offices"] as? [[String: Any]])
        let totals = try #require((json["totals"] as? [String: Any])?["kinds"] as? [String: [String: Any]])

        for language in ["vi", "en"] {
            let style = NumberStyle(language == "vi" ? .vi : .en)
            let file = province.server.folder.path("province-\(language).docx")
            let run = try await ChildProcess.kiemke(["report", "--from-province", admin, "--period", "2026-H2", "--format", "docx",
                                                     "--lang", language, "--output", file], environment: Self.now)
            #expect(run.status == 0, "\(run.stderr)")
            let script = province.server.folder.path("read_tables.py")
            try Self.readTables.write(toFile: script, atomically: true, encoding: .utf8)
            let read = try await ChildProcess.outcome(python, [script, file], environment: ["LANG": "C.UTF-8"], seconds: 120)
            #expect(read.status == 0, "\(read.stderr)")
            let reading = try #require(try JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [String: Any])
            let tables = try #require(reading["tables"] as? [[[String]]])
            try #require(tables.count == 1, "one table, got \(tables.count)")
            let rows = tables[0]
            // The header, one row per office, the totals.
            try #require(rows.count == offices.count + 2, "\(rows)")
            for (index, office) in offices.enumerated() {
                let kinds = try #require(office["kinds"] as? [String: [String: Any]])
                let name = "\(office["name"] as? String ?? "?") (\(office["code"] as? String ?? "?"))"
                try expectRow(rows[index + 1], name: name, kinds: kinds, style: style)
            }
            try expectRow(rows[rows.count - 1], name: language == "vi" ? "Tổng cộng" : "Total", kinds: totals, style: style)
            let paragraphs = (reading["paragraphs"] as? [String] ?? []).joined(separator: "\n")
            #expect(paragraphs.contains("hỏng nguồn"), "the broken equipment list: \(paragraphs)")
        }
    }

    /// The row's cells against the JSON's kinds: name, counts, connected "pct (reachable/networked)", broken/degraded.
    func expectRow(_ cells: [String], name: String, kinds: [String: [String: Any]], style: NumberStyle) throws {
        func int(_ kind: String, _ field: String) -> Int { (kinds[kind]?[field] as? NSNumber)?.intValue ?? 0 }
        func conditions(_ condition: String) -> Int {
            kinds.values.reduce(0) { $0 + ((($1["conditions"] as? [String: Any])?[condition] as? NSNumber)?.intValue ?? 0) }
        }
        try #require(cells.count == 11, "\(cells)")
        #expect(cells[0] == name)
        #expect(cells[1] == style.count(int("computer", "total")))
        let pct = (kinds["computer"]?["reachable_pct"] as? NSNumber).map { style.percent($0.doubleValue) } ?? "–"
        #expect(cells[2] == "\(pct) (\(int("computer", "reachable"))/\(int("computer", "networked")))")
        #expect(cells[3] == style.count(int("scanner", "total")))
        #expect(cells[4] == style.count(int("copier", "total")))
        #expect(cells[5] == style.count(int("printer", "total")))
        #expect(cells[6] == style.count(int("camera", "total")))
        #expect(cells[7] == "\(conditions("broken"))/\(conditions("degraded"))")
    }
}
