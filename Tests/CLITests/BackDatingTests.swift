import Foundation
import Testing
import TestSupport

/// Dates as the office types them, in its time zone (the default config's Asia/Ho_Chi_Minh).
private func officeMinute(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")
    formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
    return formatter.string(from: date)
}

/// The WHEN column of `kiemke history` lines after the title and header.
private func historyRows(_ output: String) -> [(when: String, line: String)] {
    output.split(separator: "\n").dropFirst(2).map { (String($0.prefix(16)), String($0)) }
}

/// `kiemke report --format json` for `period`, as a dictionary.
private func reportKinds(_ cli: CLI, period: String) async throws -> [String: [String: Any]] {
    let report = try await cli.run("report", "--period", period, "--format", "json")
    #expect(report.status == 0, "\(report.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any]
    return json?["kinds"] as? [String: [String: Any]] ?? [:]
}

private func count(_ kinds: [String: [String: Any]], _ kind: String, _ condition: String? = nil) -> Int {
    guard let figures = kinds[kind] else { return 0 }
    if let condition { return (figures["conditions"] as? [String: Any])?[condition] as? Int ?? 0 }
    return figures["total"] as? Int ?? 0
}

@Suite("CLI: back-dated marks, in-service dates and history order", .enabled(if: CLI.available, "the kiemke binary is not built; run `swift build` first"))
struct BackDatingTests {
    @Test("mark --at records a past condition at its date; the condition now stays the latest one")
    func markInThePast() async throws {
        let cli = CLI()
        #expect(try await cli.run("devices", "add", "PHOTO-02", "--kind", "copier", "--since", "2023-01-01").status == 0)
        let broken = try await cli.run("mark", "PHOTO-02", "broken", "--note", "hỏng trống", "--at", "2023-03-15T09:30")
        #expect(broken.status == 0, "\(broken.stderr)")
        #expect(broken.stdout.contains("PHOTO-02: broken (đã bị hỏng) since 2023-03-15 09:30"))
        #expect(try await cli.run("mark", "PHOTO-02", "good", "--at", "2023-09-01").status == 0)
        let older = try await cli.run("mark", "PHOTO-02", "degraded", "--at", "2023-02-01T08:00")
        #expect(older.status == 0, "\(older.stderr)")
        #expect(older.stdout.contains("its condition now is still good"), "\(older.stdout)")

        let list = try await cli.run("devices", "list", "--format", "csv")
        #expect(list.stdout.contains("PHOTO-02,copier,,,good,"), "\(list.stdout)")

        // Newest first by the date things happened, not by when they were typed.
        let history = try await cli.run("history", "PHOTO-02")
        #expect(history.status == 0)
        let rows = historyRows(history.stdout)
        #expect(rows.map(\.when) == ["2023-09-01 00:00", "2023-03-15 09:30", "2023-02-01 08:00", "2023-01-01 00:00"], "\(history.stdout)")
        #expect(rows.allSatisfy { $0.line.contains(", entered ") }, "every mark was typed today")
        #expect(rows[1].line.contains("marked broken (đã bị hỏng), entered") && rows[1].line.contains("hỏng trống"))

        // The report of that half-year reads the condition as it stood at its end... and at the
        // end of the first quarter, when it was broken.
        #expect(count(try await reportKinds(cli, period: "2023-H2"), "copier", "good") == 1)
        #expect(count(try await reportKinds(cli, period: "2023-Q1"), "copier", "broken") == 1)
    }

    @Test("a mark made now is not marked as entered later; show gives the in-service and entered dates")
    func markNow() async throws {
        let cli = CLI()
        #expect(try await cli.run("devices", "add", "PC-01", "--kind", "computer").status == 0)
        #expect(try await cli.run("mark", "PC-01", "fair").status == 0)
        let rows = historyRows(try await cli.run("history", "PC-01").stdout)
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { !$0.line.contains("entered") }, "\(rows)")
        let show = try await cli.run("devices", "show", "PC-01")
        #expect(show.stdout.contains("since:     ") && !show.stdout.contains("entered:"), "\(show.stdout)")

        #expect(try await cli.run("devices", "add", "PC-02", "--kind", "computer", "--since", "2022-06-01T07:45").status == 0)
        let back = try await cli.run("devices", "show", "PC-02")
        #expect(back.stdout.contains("since:     2022-06-01 07:45"), "\(back.stdout)")
        #expect(back.stdout.contains("entered:   "), "\(back.stdout)")
    }

    @Test("--at in the future, an impossible date or a date before the device was in service exits 2 naming it, and records nothing",
          arguments: [
              (["--at", "2027-01-01"], "\"2027-01-01\" is in the future"),
              (["--at", officeMinute(Date() + 3_600)], "is in the future"),
              (["--at", "2026-02-30"], "\"2026-02-30\" is not a day of the calendar"),
              (["--at", "2023-03-15T24:10"], "\"2023-03-15T24:10\" is not a day of the calendar"),
              (["--at", "15/03/2023"], "\"15/03/2023\" is not a date; write YYYY-MM-DD"),
              (["--at", "2022-12-31"], "earlier than its in-service date 2023-01-01 00:00"),
          ])
    func markRefused(arguments: [String], message: String) async throws {
        let cli = CLI()
        #expect(try await cli.run("devices", "add", "PHOTO-02", "--kind", "copier", "--since", "2023-01-01").status == 0)
        let outcome = try await cli.run(["mark", "PHOTO-02", "broken"] + arguments)
        #expect(outcome.status == 2, "\(outcome.stderr)")
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
        #expect(historyRows(try await cli.run("history", "PHOTO-02").stdout).count == 1)
    }

    @Test("devices add --since refuses a future or impossible date before creating anything")
    func addRefused() async throws {
        for (since, message) in [("2027-01-01", "\"2027-01-01\" is in the future"), ("2026-02-30", "\"2026-02-30\" is not a day")] {
            let cli = CLI()
            let outcome = try await cli.run("devices", "add", "PC-01", "--kind", "computer", "--since", since)
            #expect(outcome.status == 2)
            #expect(outcome.stderr.contains("--since: \(message)"), "\(outcome.stderr)")
            #expect(!FileManager.default.fileExists(atPath: cli.database))
        }
    }

    @Test("import with since and condition_since dates devices and conditions; the CSV export carries them back")
    func importWithDates() async throws {
        let cli = CLI()
        try cli.folder.write("list.csv", """
            name,kind,address,location,condition,note,since,condition_since
            PHOTO-01,copier,,Một cửa,broken,hỏng trống,2022-01-10,2023-03-15T09:30
            PC-01,computer,127.0.0.1,,,,2022-01-10,
            SCAN-01,scanner,,,degraded,,,

            """)
        let imported = try await cli.run("devices", "import", cli.folder.path("list.csv"))
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("3 added"))

        let show = try await cli.run("devices", "show", "PHOTO-01")
        #expect(show.stdout.contains("since:     2022-01-10 00:00") && show.stdout.contains("entered:"), "\(show.stdout)")
        // Broken since March 2023, in service since January 2022: good until then.
        let rows = historyRows(try await cli.run("history", "PHOTO-01").stdout)
        #expect(rows.map(\.when) == ["2023-03-15 09:30", "2022-01-10 00:00"])
        #expect(rows.first?.line.contains("marked broken") == true && rows.last?.line.contains("marked good") == true)
        #expect(historyRows(try await cli.run("history", "PC-01").stdout).first?.when == "2022-01-10 00:00",
                "condition_since defaults to since")

        // 2023-H1: the copier broken since March, the computer in service, the scanner not yet.
        let h1 = try await reportKinds(cli, period: "2023-H1")
        #expect(count(h1, "copier") == 1 && count(h1, "copier", "broken") == 1)
        #expect(count(h1, "computer") == 1 && count(h1, "computer", "good") == 1)
        #expect(count(h1, "scanner") == 0)
        // End of 2022: the copier was in service and not yet marked broken.
        let y2022 = try await reportKinds(cli, period: "2022-H2")
        #expect(count(y2022, "copier", "good") == 1 && count(y2022, "copier", "broken") == 0)

        // The whole contract, as a script reads it: no byte-order mark, every column.
        let export = try await cli.run("devices", "list", "--format", "csv", "--no-bom", "--with-secrets")
        let header = export.stdout.split(separator: "\n").first.map(String.init)
        #expect(header == "name,kind,address,location,condition,note,snmp_version,snmp_community,snmp_port,schedule,interval,since,condition_since")
        #expect(export.stdout.contains("PHOTO-01,copier,,Một cửa,broken,hỏng trống,,,,,,2022-01-10T00:00,2023-03-15T09:30"), "\(export.stdout)")

        // Re-imported into the same database nothing changes; into a new one, the same list comes out.
        try cli.folder.write("export.csv", export.stdout)
        let again = try await cli.run("devices", "import", cli.folder.path("export.csv"))
        #expect(again.stdout.contains("0 added, 0 updated, 3 unchanged"), "\(again.stdout)")
        let fresh = CLI()
        #expect(try await fresh.run("devices", "import", cli.folder.path("export.csv")).status == 0)
        #expect(try await fresh.run("devices", "list", "--format", "csv", "--no-bom", "--with-secrets").stdout == export.stdout)
    }

    @Test("re-importing with since moves the in-service date and the condition it entered service with")
    func reimportMovesSince() async throws {
        let cli = CLI()
        try cli.folder.write("plain.csv", "name,kind,condition\nPHOTO-01,copier,fair\n")
        #expect(try await cli.run("devices", "import", cli.folder.path("plain.csv")).status == 0)
        #expect(count(try await reportKinds(cli, period: "2023-H1"), "copier") == 0, "in service only from today")

        try cli.folder.write("dated.csv", "name,kind,condition,since\nPHOTO-01,copier,fair,2022-01-10\n")
        let dated = try await cli.run("devices", "import", cli.folder.path("dated.csv"))
        #expect(dated.status == 0, "\(dated.stderr)")
        #expect(dated.stdout.contains("1 updated"), "\(dated.stdout)")
        let h1 = try await reportKinds(cli, period: "2023-H1")
        #expect(count(h1, "copier") == 1 && count(h1, "copier", "fair") == 1, "\(h1)")
        let rows = historyRows(try await cli.run("history", "PHOTO-01").stdout)
        #expect(rows.map(\.when) == ["2022-01-10 00:00"])
        #expect(rows.first?.line.contains(", entered ") == true)

        // A later in-service date would leave a dated mark before it: the row is refused.
        #expect(try await cli.run("mark", "PHOTO-01", "broken", "--at", "2023-05-01").status == 0)
        try cli.folder.write("late.csv", "name,kind,since\nPHOTO-01,copier,2024-01-01\n")
        let late = try await cli.run("devices", "import", cli.folder.path("late.csv"))
        #expect(late.status == 2)
        #expect(late.stderr.contains("line 2, since: 2024-01-01 00:00 is after PHOTO-01's mark broken dated 2023-05-01 00:00"), "\(late.stderr)")
        #expect(try await cli.run("devices", "show", "PHOTO-01").stdout.contains("since:     2022-01-10 00:00"))
    }

    @Test("bad since and condition_since cells are listed with their line, and nothing is imported")
    func importRefused() async throws {
        let cli = CLI()
        try cli.folder.write("bad.csv", """
            name,kind,condition,since,condition_since
            PC-01,computer,,2026-02-30,
            PC-02,computer,,2027-01-01,
            PC-03,computer,broken,2023-05-01,2023-04-01
            PC-04,computer,broken,,2023-04-01
            PC-05,computer,,01/02/2023,
            PC-06,computer,,2022-01-01,

            """)
        let outcome = try await cli.run("devices", "import", cli.folder.path("bad.csv"))
        #expect(outcome.status == 2)
        for problem in ["line 2, since: \"2026-02-30\" is not a day of the calendar",
                        "line 3, since: \"2027-01-01\" is in the future",
                        "line 4, condition_since: \"2023-04-01\" is before the device's since \"2023-05-01\"",
                        "line 5, condition_since: 2023-04-01 00:00 is before the device's in-service date",
                        "line 6, since: \"01/02/2023\" is not a date"] {
            #expect(outcome.stderr.contains(problem), "\(problem)\n\(outcome.stderr)")
        }
        #expect(!outcome.stderr.contains("line 7"))
        #expect(try await cli.run("devices", "list").stdout.contains("0 devices"))
    }
}
