import Foundation
import Testing
import TestSupport

/// A new user's first hour (issue 12), through the built binary and real files: Excel's CSV,
/// the words people type, the answers kiemke gives.
@Suite("CLI: files from Excel", .enabled(if: CLI.available, "the kiemke binary is not built; run `swift build` first"))
struct ExcelFileTests {
    /// The bytes a command writes to standard output, as a file gets them (a String would hide the BOM).
    static func rawOutput(_ cli: CLI, _ arguments: [String]) async throws -> Data {
        let binary = try #require(KiemkeProcess.binary)
        let out = cli.folder.path("out-\(UUID().uuidString)")
        let outcome = try await KiemkeProcess.run(URL(fileURLWithPath: "/bin/sh"),
            ["-c", "out=\"$1\"; shift; exec \"$@\" > \"$out\"", "sh", out, binary.path] + arguments,
            environment: ["KIEMKE_DB": cli.database])
        #expect(outcome.status == 0, "\(arguments): \(outcome.stderr)")
        return try Data(contentsOf: URL(fileURLWithPath: out))
    }

    static let bom = Data([0xEF, 0xBB, 0xBF])

    /// What Excel with Vietnamese regional settings writes: BOM, semicolons, CRLF, rows of bare separators.
    static let excelCSV = "\u{FEFF}Tên;Loại;Địa chỉ;Vị trí;Tình trạng;Ghi chú\r\n"
        + "PC-01;may tinh;127.0.0.1;Kế toán;tot;\r\n"
        + ";;;;;\r\n"
        + "PHOTO-02;photo;127.0.0.2;Một cửa;hư hỏng;\"kẹt giấy;\r\nchờ sửa\"\r\n"
        + ",,,,,\r\n"
        + "SCAN-01;Máy quét;;Văn thư;xuong cap;\r\n"
        + ";;;;;\r\n"

    @Test("a semicolon CSV with BOM, CRLF and empty rows imports, says the separator, and lists with notes on one line")
    func semicolonExcel() async throws {
        let cli = CLI()
        let file = try cli.folder.write("excel.csv", Self.excelCSV)
        let imported = try await cli.run("devices", "import", file.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("3 added"))
        #expect(imported.stdout.contains("semicolons"))
        let list = try await cli.run("devices", "list")
        #expect(list.stdout.contains("kẹt giấy; / chờ sửa"), "\(list.stdout)")
        #expect(list.stdout.split(separator: "\n").count == 5)  // header, three devices, the count
        let json = try await cli.run("devices", "list", "--format", "json")
        let devices = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let conditions = Dictionary(uniqueKeysWithValues: devices.map { ($0["name"] as! String, $0["condition"] as? String) })
        #expect(conditions == ["PC-01": "good", "PHOTO-02": "broken", "SCAN-01": "degraded"])
        #expect(devices.first { $0["name"] as? String == "SCAN-01" }?["kind"] as? String == "scanner")
    }

    @Test("tab-separated and comma files are read by their header")
    func otherSeparators() async throws {
        let cli = CLI()
        let tab = try cli.folder.write("tab.txt", "name\tkind\taddress\nPC-01\tcomputer\t127.0.0.1\n\t\t\n")
        let imported = try await cli.run("devices", "import", tab.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("1 added") && imported.stdout.contains("tabs"))
        let comma = try cli.folder.write("c.csv", "name,kind,address,note\nPC-02,computer,127.0.0.2,\"a; b\"\n")
        let second = try await cli.run("devices", "import", comma.path)
        #expect(second.stdout.contains("1 added") && second.stdout.contains("commas"), "\(second.stderr)")
    }

    @Test("- reads standard input")
    func standardInput() async throws {
        let cli = CLI()
        let file = try cli.folder.write("in.csv", Self.excelCSV)
        let binary = try #require(KiemkeProcess.binary)
        let outcome = try await KiemkeProcess.run(URL(fileURLWithPath: "/bin/sh"),
            ["-c", "\"$0\" devices import - < \"$1\"", binary.path, file.path], environment: ["KIEMKE_DB": cli.database])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("standard input: 3 added"), "\(outcome.stdout)")
    }

    @Test("an empty file, a header alone, a folder, a missing file and a workbook get plain answers, and no database",
          arguments: [
            ("empty.csv", Data(), "file is empty"),
            ("blank.csv", Data("\u{FEFF}\r\n;;;;\r\n".utf8), "file is empty"),
            ("header.csv", Data("name;kind;address\r\n;;\r\n".utf8), "no device rows"),
            ("book.xlsx", Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), "this is an Excel workbook (.xlsx)"),
            ("old.xls", Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]), "this is an Excel workbook (.xls)"),
          ])
    func unusableFiles(name: String, data: Data, message: String) async throws {
        let cli = CLI()
        let url = URL(fileURLWithPath: cli.folder.path(name))
        try data.write(to: url)
        let outcome = try await cli.run("devices", "import", url.path)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("NSCocoaErrorDomain"))
        #expect(!FileManager.default.fileExists(atPath: cli.database), "a file that imports nothing creates no database")
    }

    @Test("a folder and a missing file are named as such")
    func folderAndMissing() async throws {
        let cli = CLI()
        let folder = cli.folder.path("lists")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let outcome = try await cli.run("devices", "import", folder)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("this is a folder"), "\(outcome.stderr)")
        let missing = try await cli.run("devices", "import", cli.folder.path("nope.csv"))
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("there is no such file"))
        let config = try await cli.run("status", "--config", folder)
        #expect(config.status == 2 && config.stderr.contains("this is a folder"), "\(config.stderr)")
        let noConfig = try await cli.run("status", "--config", cli.folder.path("nope.toml"))
        #expect(noConfig.status == 2 && noConfig.stderr.contains("there is no such file"), "\(noConfig.stderr)")
        for text in [outcome.stderr, missing.stderr, config.stderr, noConfig.stderr] {
            #expect(!text.contains("NSCocoaErrorDomain") && !text.contains("could not be completed"))
        }
    }

    @Test("two devices at one address stop the import unless their rows say shared_address")
    func duplicateAddresses() async throws {
        let cli = CLI()
        let clash = try cli.folder.write("clash.csv", "name,kind,address\nPRN-01,printer,127.0.0.9\nPRN-02,printer,127.0.0.9\n")
        let refused = try await cli.run("devices", "import", clash.path)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("line 3, address: 127.0.0.9 is also the address of PRN-01 (line 2)"), "\(refused.stderr)")
        #expect(refused.stderr.contains("nothing was imported"))

        let shared = try cli.folder.write("shared.csv", "name,kind,address,shared_address\nPRN-01,printer,127.0.0.9,yes\nPRN-02,printer,127.0.0.9,có\n")
        #expect(try await cli.run("devices", "import", shared.path).status == 0)

        let later = try cli.folder.write("later.csv", "name,kind,address\nPC-09,computer,127.0.0.9\n")
        let again = try await cli.run("devices", "import", later.path)
        #expect(again.status == 2)
        #expect(again.stderr.contains("PRN-01 (already in the inventory)"), "\(again.stderr)")
    }

    @Test("kiemke's CSV: BOM unless --no-bom, Vietnamese headers that import back, no communities unless --with-secrets, local times")
    func writtenCSV() async throws {
        let cli = CLI()
        let file = try cli.folder.write("a.csv", "name,kind,address,snmp_community,since\nPC-01,computer,127.0.0.1,bímật,2024-03-01T08:30\n")
        #expect(try await cli.run("devices", "import", file.path).status == 0)
        let plain = try await cli.run("devices", "list", "--format", "csv")
        #expect(try await Self.rawOutput(cli, ["devices", "list", "--format", "csv"]).starts(with: Self.bom + Data("name,kind,".utf8)))
        #expect(try await Self.rawOutput(cli, ["devices", "list", "--format", "csv", "--no-bom"]).starts(with: Data("name,kind,".utf8)))
        #expect(!plain.stdout.contains("bímật") && !plain.stdout.contains("snmp_community"))
        #expect(plain.stdout.contains("2024-03-01T08:30"), "written in the office's time zone, as typed: \(plain.stdout)")
        let script = try await cli.run("devices", "list", "--format", "csv", "--no-bom", "--with-secrets")
        #expect(script.stdout.hasPrefix("name,kind,") && script.stdout.contains("bímật"))
        let vietnamese = try await cli.run("devices", "list", "--format", "csv", "--lang", "vi")
        #expect(vietnamese.stdout.hasPrefix("tên,loại,địa chỉ,vị trí,tình trạng,ghi chú"))
        #expect(try await Self.rawOutput(cli, ["devices", "list", "--format", "csv", "--lang", "vi"]).starts(with: Self.bom))
        // Read back: same list, and the community the file left out is kept.
        let back = try cli.folder.write("vi.csv", vietnamese.stdout)
        let reimported = try await cli.run("devices", "import", back.path)
        #expect(reimported.stdout.contains("1 unchanged"), "\(reimported.stdout) \(reimported.stderr)")
        #expect(try await cli.run("devices", "list", "--format", "csv", "--no-bom", "--with-secrets").stdout == script.stdout)
        let report = try await cli.run("report", "--format", "csv", "--lang", "vi")
        #expect(report.stdout.hasPrefix("tên,loại,"), "\(report.stdout.prefix(80)) \(report.stderr)")
        #expect(try await Self.rawOutput(cli, ["report", "--format", "csv"]).starts(with: Self.bom + Data("tên,loại,".utf8)))
        #expect(try await Self.rawOutput(cli, ["report", "--format", "csv", "--no-bom", "--lang", "en"]).starts(with: Data("name,kind,".utf8)))
        let english = try await cli.run("report", "--format", "csv", "--lang", "en", "--no-bom")
        #expect(english.stdout.hasPrefix("name,kind,"))
        // Every column is translated: no English key is left in the Vietnamese header.
        let englishHeader = english.stdout.prefix { $0 != "\n" }.split(separator: ",")
        let vietnameseHeader = report.stdout.drop { $0 == "\u{FEFF}" }.prefix { $0 != "\n" }.split(separator: ",")
        #expect(englishHeader.count == vietnameseHeader.count)
        for (key, title) in zip(englishHeader, vietnameseHeader) { #expect(key != title, "column \(key) is not translated") }
    }
}

@Suite("CLI: the words people type", .enabled(if: CLI.available, "the kiemke binary is not built; run `swift build` first"))
struct TypedWordsTests {
    static func office() async throws -> CLI {
        let cli = CLI()
        let file = try cli.folder.write("o.csv", "name,kind,address\nPC-01,computer,127.0.0.1\nPC-02,computer,127.0.0.2\nP,other,\nPHOTO-02,copier,127.0.0.3\nMáy chủ,computer,127.0.0.4\n")
        let outcome = try await cli.run("devices", "import", file.path)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return cli
    }

    @Test("everyday and unaccented condition words mark the right condition",
          arguments: [("hư", "broken"), ("hư hỏng", "broken"), ("hong", "broken"), ("hỏng hẳn", "broken"), ("HONG HAN", "broken"),
                      ("tot", "good"), ("bình thường", "good"), ("binh thuong", "good"), ("xuong cap", "degraded"),
                      ("Đã xuống cấp", "degraded"), ("trung binh", "fair"), ("da bi hong", "broken")])
    func conditionWords(word: String, condition: String) async throws {
        let cli = try await Self.office()
        let outcome = try await cli.run("mark", "PC-01", word)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("PC-01: \(condition)"), "\(outcome.stdout)")
    }

    @Test("kind words without diacritics add the right kind",
          arguments: [("may tinh", "computer"), ("may in", "printer"), ("photo", "copier"), ("MÁY PHOTO", "copier"),
                      ("may scan", "scanner"), ("thiet bi mang", "network")])
    func kindWords(word: String, kind: String) async throws {
        let cli = CLI()
        let outcome = try await cli.run("devices", "add", "X-1", "--kind", word)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("(\(kind)"), "\(outcome.stdout)")
    }

    @Test("an unknown word gets the nearest suggestions")
    func unknownWords() async throws {
        let cli = try await Self.office()
        let condition = try await cli.run("mark", "PC-01", "hongg")
        #expect(condition.status == 2)
        #expect(condition.stderr.contains("did you mean \"hong") || condition.stderr.contains("did you mean \"hỏng"), "\(condition.stderr)")
        let kind = try await cli.run("devices", "add", "X", "--kind", "may tin")
        #expect(kind.status == 2)
        #expect(kind.stderr.contains("did you mean \"máy tính\"") || kind.stderr.contains("did you mean \"máy in\""), "\(kind.stderr)")
    }

    @Test("swapped arguments are answered with the right command")
    func swappedMark() async throws {
        let cli = try await Self.office()
        let outcome = try await cli.run("mark", "broken", "PHOTO-02")
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("kiemke mark PHOTO-02 broken"), "\(outcome.stderr)")
    }

    @Test("did you mean: PC-1 finds PC-01 first, names match without diacritics, a one-letter name never leads")
    func suggestions() async throws {
        let cli = try await Self.office()
        let outcome = try await cli.run("mark", "PC-1", "hong")
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("did you mean \"PC-01\""), "\(outcome.stderr)")
        let accent = try await cli.run("history", "may chu")
        #expect(accent.stderr.contains("did you mean \"Máy chủ\""), "\(accent.stderr)")
        let photo = try await cli.run("devices", "show", "photo2")
        #expect(photo.stderr.contains("did you mean \"PHOTO-02\""), "\(photo.stderr)")
        #expect(!photo.stderr.contains("did you mean \"P\""))
    }

    @Test("durations need a unit; zero and negative are refused",
          arguments: [("5", "5m"), ("0s", "more than zero"), ("-5m", "more than zero"), ("0", "more than zero")])
    func durations(value: String, message: String) async throws {
        let cli = CLI()
        let outcome = try await cli.run("devices", "add", "PC-01", "--kind", "computer", "--interval=\(value)")
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
        #expect(try await cli.run("daemon", "--once", "--interval", value).status == 2)
        let csv = try cli.folder.write("i.csv", "name,kind,interval\nPC-01,computer,\(value)\n")
        let imported = try await cli.run("devices", "import", csv.path)
        #expect(imported.status == 2 && imported.stderr.contains(message), "\(imported.stderr)")
    }

    @Test("--db, --config and --log-level work in every position, ping included")
    func globalOptionsEverywhere() async throws {
        let cli = CLI()
        let db = cli.folder.path("elsewhere.sqlite")
        let config = try cli.folder.write("k.toml", "office = \"UBND xã\"\n")
        #expect(try await KiemkeProcess.run(["devices", "--db", db, "add", "PC-01", "--kind", "computer"]).status == 0)
        for arguments in [["--db", db, "devices", "list"], ["devices", "--db", db, "list"], ["devices", "list", "--db", db],
                          ["devices", "list", "--config", config.path, "--db=\(db)", "--log-level", "debug"],
                          ["--log-level", "debug", "--config", config.path, "devices", "--db", db, "list"]] {
            let outcome = try await KiemkeProcess.run(arguments)
            #expect(outcome.status == 0, "\(arguments): \(outcome.stderr)")
            #expect(outcome.stdout.contains("PC-01"), "\(arguments)")
        }
        for arguments in [["--log-level", "info", "ping", "127.0.0.1"], ["ping", "--log-level", "info", "--db", db, "127.0.0.1"],
                          ["ping", "127.0.0.1", "--config", config.path, "--log-level", "info"]] {
            let outcome = try await KiemkeProcess.run(arguments)
            #expect(outcome.status != 2, "\(arguments): \(outcome.stderr)")
            if outcome.status == 0 { #expect(outcome.stderr.contains("swept 1 targets"), "\(arguments): \(outcome.stderr)") }
        }
    }
}

@Suite("CLI: what kiemke says", .enabled(if: CLI.available, "the kiemke binary is not built; run `swift build` first"))
struct FirstAnswersTests {
    @Test("devices edit changes the record in place and the history records it")
    func edit() async throws {
        let cli = try await TypedWordsTests.office()
        #expect(try await cli.run("mark", "PC-01", "hỏng", "--by", "Lan").status == 0)
        let edited = try await cli.run("devices", "edit", "pc-01", "--address", "127.0.0.11", "--location", "Phòng họp",
                                       "--kind", "may in", "--name", "PRN-11", "--by", "Hùng")
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(edited.stdout.contains("address 127.0.0.1 → 127.0.0.11"))
        let history = try await cli.run("history", "PRN-11")
        #expect(history.status == 0, "\(history.stderr)")
        #expect(history.stdout.contains("edited: name PC-01 → PRN-11; kind computer → printer; address 127.0.0.1 → 127.0.0.11; location (none) → Phòng họp"), "\(history.stdout)")
        #expect(history.stdout.contains("Hùng") && history.stdout.contains("marked broken") && history.stdout.contains("Lan"))
        #expect(try await cli.run("history", "PC-01").status == 2)
        let clash = try await cli.run("devices", "edit", "PRN-11", "--address", "127.0.0.2")
        #expect(clash.status == 2 && clash.stderr.contains("PC-02 already has this address"), "\(clash.stderr)")
        let taken = try await cli.run("devices", "edit", "PRN-11", "--name", "pc-02")
        #expect(taken.status == 2)
        let nothing = try await cli.run("devices", "edit", "PRN-11")
        #expect(nothing.status == 2 && nothing.stderr.contains("nothing to change"))
        let badKind = try await cli.run("devices", "edit", "PRN-11", "--kind", "toaster")
        #expect(badKind.status == 2)
    }

    @Test("retired devices: show and history find them, a second remove says when")
    func retired() async throws {
        let cli = try await TypedWordsTests.office()
        #expect(try await cli.run("devices", "remove", "PC-02").status == 0)
        let again = try await cli.run("devices", "remove", "PC-02")
        #expect(again.status == 2)
        #expect(again.stderr.contains("already retired on 20"), "\(again.stderr)")
        let show = try await cli.run("devices", "show", "pc-02")
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("retired:"))
        let history = try await cli.run("history", "PC-02")
        #expect(history.status == 0 && history.stdout.contains("(retired 20"), "\(history.stdout)")
        let json = try await cli.run("devices", "show", "PC-02", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["retired_at"] is String)
    }

    @Test("devices show tells everything known, in text and JSON, times in the office's zone")
    func showEverything() async throws {
        let cli = try await TypedWordsTests.office()
        #expect(try await cli.run("mark", "PHOTO-02", "hư", "--note", "kẹt giấy\nchờ thay trống", "--by", "Lan").status == 0)
        let show = try await cli.run("devices", "show", "PHOTO-02")
        #expect(show.stdout.contains("condition: broken (đã bị hỏng) since "), "\(show.stdout)")
        #expect(show.stdout.contains("by Lan: kẹt giấy / chờ thay trống"))
        #expect(show.stdout.contains("state:     not probed yet"))
        #expect(show.stdout.contains("times in Asia/Ho_Chi_Minh (UTC+07:00)"))
        let json = try await cli.run("devices", "show", "PHOTO-02", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["condition"] as? String == "broken")
        #expect(object["condition_by"] as? String == "Lan")
        for key in ["vendor", "model", "serial", "firmware", "page_count", "supplies", "disks", "state", "last_probe", "history"] {
            #expect(object.keys.contains(key), "\(key)")
        }
        let columns = try await cli.run("devices", "list", "--columns", "name,model,serial")
        #expect(columns.status == 0 && columns.stdout.hasPrefix("NAME"), "\(columns.stderr)")
        #expect(columns.stdout.split(separator: "\n")[0].split(separator: " ").map(String.init) == ["NAME", "MODEL", "SERIAL"])
        #expect(try await cli.run("devices", "list", "--columns", "name,colour").status == 2)
    }

    @Test("status: the parts of the summary add up to the total")
    func summaryAddsUp() async throws {
        let cli = try await TypedWordsTests.office()
        let status = try await cli.run("status")
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("5 devices: 0 up, 0 off (outside office hours), 0 down, 4 not probed yet, 1 with no address"), "\(status.stdout)")
        #expect(status.stdout.contains("times in Asia/Ho_Chi_Minh"))
        let json = try await cli.run("status", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let counts = try #require(object["counts"] as? [String: Int])
        #expect(counts["total"] == 5)
        #expect(["up", "off", "down", "unconfirmed", "not_probed", "no_address"].map { counts[$0] ?? -1 }.reduce(0, +) == 5)
    }

    @Test("a mark without --by and without $USER records the account name")
    func accountName() async throws {
        let cli = CLI()
        #expect(try await KiemkeProcess.run(["devices", "add", "PC-01", "--kind", "computer", "--by", "x"],
                                            environment: ["KIEMKE_DB": cli.database]).status == 0)
        let outcome = try await KiemkeProcess.run(["mark", "PC-01", "hong"], environment: ["KIEMKE_DB": cli.database])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let history = try await KiemkeProcess.run(["history", "PC-01"], environment: ["KIEMKE_DB": cli.database])
        guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else {
            Issue.record("this account has no name in the password database")
            return
        }
        let account = String(cString: name)
        let line = history.stdout.split(separator: "\n").first { $0.contains("marked broken") }
        #expect(line?.contains(account) == true, "\(history.stdout)")
        #expect(!history.stdout.contains("unknown"))
    }

    @Test("probe accepts a device's name and probes its address")
    func probeByName() async throws {
        let cli = try await TypedWordsTests.office()
        let outcome = try await cli.run("probe", "pc-01", "--format", "json")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(object["address"] as? String == "127.0.0.1")
        let none = try await cli.run("probe", "P")
        #expect(none.status == 2 && none.stderr.contains("has no address"), "\(none.stderr)")
        let unknown = try await cli.run("probe", "PC-1")
        #expect(unknown.status == 2 && unknown.stderr.contains("did you mean \"PC-01\""))
    }
}
