import Foundation
import Testing
import TestSupport

/// Every command's help screen.
private let helpScreens: [[String]] = [
    [], ["devices"], ["devices", "import"], ["devices", "add"], ["devices", "edit"], ["devices", "list"], ["devices", "show"],
    ["devices", "remove"], ["mark"], ["history"], ["report"], ["daemon"], ["status"], ["probe"], ["ping"],
]

/// Words that never stand in Vietnamese prose: one of them is English left over.
private let englishMarkers = [" the ", " is ", " are ", " not ", " of ", " and ", " with ", " from ", " for ",
                              " information", " detailed", " usage", " options", " default", " values", " error:"]

private func englishLeft(in text: String) -> [String] {
    let padded = " " + text.lowercased().replacingOccurrences(of: "\n", with: " ") + " "
    return englishMarkers.filter { padded.contains($0) }
}

private let vietnamese = ["LANG": "vi_VN.UTF-8", "COLUMNS": "100"]

@Suite("CLI: help, usage errors and errors in Vietnamese", .enabled(if: CLI.available, "the kiemke binary is not built; run `swift build` first"))
struct VietnameseMessagesTests {
    @Test("every help screen is Vietnamese under a Vietnamese locale, wrapped to the terminal", arguments: helpScreens)
    func help(_ command: [String]) async throws {
        let run = try await KiemkeProcess.run(command + ["--help"], environment: vietnamese)
        #expect(run.status == 0)
        #expect(run.stdout.contains("CÁCH DÙNG: kiemke"), "\(run.stdout)")
        #expect(englishLeft(in: run.stdout).isEmpty, "English left (\(englishLeft(in: run.stdout))) in:\n\(run.stdout)")
        for line in run.stdout.split(separator: "\n") {
            #expect(line.count <= 100, "line longer than COLUMNS: \(line)")
        }
    }

    @Test("the same help screens stay English under an English locale", arguments: helpScreens)
    func englishHelp(_ command: [String]) async throws {
        let run = try await KiemkeProcess.run(command + ["--help"], environment: ["LANG": "en_US.UTF-8"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE: kiemke"))
        #expect(!run.stdout.contains("CÁCH DÙNG"))
    }

    @Test("the config's language key wins over the locale, both ways")
    func configLanguage() async throws {
        let folder = TemporaryDirectory()
        let en = try folder.write("en.toml", #"language = "en""#)
        let vi = try folder.write("vi.toml", #"language = "vi""#)
        let english = try await KiemkeProcess.run(["--config", en.path, "status", "--help"], environment: vietnamese)
        #expect(english.stdout.contains("USAGE: kiemke status"))
        let missing = folder.url.appendingPathComponent("none.sqlite").path
        let viRun = try await KiemkeProcess.run(["mark", "PC-01", "broken", "--db", missing], environment: ["KIEMKE_CONFIG": vi.path])
        #expect(viRun.status == 1)
        #expect(viRun.stderr.contains("kiemke: chưa có cơ sở dữ liệu tại \(missing)"), "\(viRun.stderr)")
    }

    @Test("usage errors: the parser's words in Vietnamese, exit 2", arguments: [
        (["status", "--bogus"], "Không có tùy chọn '--bogus'"),
        (["mark"], "Thiếu đối số '<name>'"),
        (["status", "extra"], "Đối số thừa 'extra'"),
        (["report", "--format", "pdf"], "Giá trị 'pdf' không hợp lệ cho '--format <format>'"),
        (["status", "--db"], "Thiếu giá trị cho '--db <db>'"),
    ])
    func usageErrors(_ arguments: [String], _ expected: String) async throws {
        let run = try await KiemkeProcess.run(arguments, environment: vietnamese)
        #expect(run.status == 2)
        #expect(run.stderr.contains("Lỗi: " + expected), "\(run.stderr)")
        #expect(run.stderr.contains("Cách dùng: kiemke") || run.stderr.contains("Xem 'kiemke"), "\(run.stderr)")
        #expect(!run.stderr.contains("Error:") && !run.stderr.contains("Usage:"), "\(run.stderr)")
    }

    @Test("errors from the commands, in Vietnamese, with the exit code of the English ones")
    func commandErrors() async throws {
        let folder = TemporaryDirectory()
        let db = folder.url.appendingPathComponent("k.sqlite").path
        let csv = try folder.write("d.csv", "name,kind,address,location,condition,note\nPC-01,computer,,Văn phòng,good,\n")
        let imported = try await KiemkeProcess.run(["devices", "import", csv.path, "--db", db], environment: vietnamese)
        #expect(imported.status == 0, "\(imported.stderr)")
        let cases: [([String], Int32, String)] = [
            (["mark", "PC-1", "broken", "--db", db], 2, "không có thiết bị nào tên \"PC-1\"; có phải ý bạn là \"PC-01\"?"),
            (["report", "--period", "2023-H3", "--db", db], 2, "--period \"2023-H3\" không phải kỳ báo cáo"),
            (["report", "--period", "2023-H1", "--from", "2023-01-01", "--db", db], 2, "hãy dùng --period hoặc --from/--to"),
            (["mark", "PC-01", "broken", "--at", "2023-02-30", "--db", db], 2, "--at: \"2023-02-30\" không có trên lịch"),
            (["ping", "192.168.1"], 2, "'192.168.1' không phải địa chỉ IP hay dải mạng"),
            (["status", "--config", folder.url.appendingPathComponent("nope.toml").path], 2, "không đọc được tệp cấu hình"),
        ]
        for (arguments, status, expected) in cases {
            let run = try await KiemkeProcess.run(arguments, environment: vietnamese)
            #expect(run.status == status, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains(expected), "\(arguments): \(run.stderr)")
        }
    }

    @Test("status, history, devices show and devices list speak Vietnamese: headings, kinds, conditions, states, summary")
    func listingsInVietnamese() async throws {
        let folder = TemporaryDirectory()
        let db = folder.url.appendingPathComponent("k.sqlite").path
        let csv = try folder.write("d.csv", "name,kind,address,location,condition,note\nPC-01,computer,,Văn phòng,good,\nPHOTO-02,copier,,Một cửa,good,\n")
        #expect(try await KiemkeProcess.run(["devices", "import", csv.path, "--db", db], environment: vietnamese).status == 0)
        #expect(try await KiemkeProcess.run(["mark", "PHOTO-02", "hỏng", "--note", "hỏng trống", "--by", "Lan", "--db", db],
                                            environment: vietnamese).status == 0)
        let expectations: [([String], [String])] = [
            (["status"], ["TÊN", "LOẠI", "TÌNH TRẠNG", "Máy photocopy", "đã bị hỏng", "không có địa chỉ",
                          "2 thiết bị: 0 hoạt động, 0 tắt (ngoài giờ làm việc), 0 mất kết nối, 2 không có địa chỉ", "giờ theo "]),
            (["history", "PHOTO-02"], ["lịch sử của PHOTO-02", "THỜI ĐIỂM", "đánh dấu đã bị hỏng", "Lan", "hỏng trống"]),
            (["devices", "show", "PHOTO-02"], ["tên:", "loại:", "Máy photocopy", "do Lan đánh dấu", "lịch sử của PHOTO-02"]),
            (["devices", "list"], ["TÊN", "VỊ TRÍ", "Máy tính", "2 thiết bị"]),
        ]
        for (arguments, wanted) in expectations {
            let run = try await KiemkeProcess.run(arguments + ["--db", db], environment: vietnamese)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            for word in wanted { #expect(run.stdout.contains(word), "\(arguments): no \(word) in\n\(run.stdout)") }
            #expect(englishLeft(in: run.stdout).isEmpty, "\(arguments): English left: \(englishLeft(in: run.stdout))\n\(run.stdout)")
            #expect(!run.stdout.contains("devices") && !run.stdout.contains("NAME"), "\(arguments):\n\(run.stdout)")
        }
        // The same database in English keeps the words scripts grep for.
        let english = try await KiemkeProcess.run(["status", "--db", db], environment: ["LANG": "C.UTF-8"])
        #expect(english.stdout.contains("NAME") && english.stdout.contains("2 devices: 0 up"), "\(english.stdout)")
    }

    /// Every refusal of a typed value (kinds, conditions, durations, addresses, names, ports,
    /// columns, flag combinations) and every row problem of an import: the whole message in
    /// Vietnamese, the value the user typed still in it, the exit code unchanged.
    @Test("refused values and flag combinations, and import row problems, say why in Vietnamese", arguments: [
        (["devices", "add", "X-1", "--kind", "máy giặt"], "máy giặt"),
        (["devices", "add", "X-1", "--kind", "computer", "--condition", "xyz"], "xyz"),
        (["devices", "add", "X-1", "--kind", "computer", "--snmp-port", "70000"], "65535"),
        (["devices", "add", "X-1", "--kind", "computer", "--interval", "5"], "5m"),
        (["devices", "add", "X-1", "--kind", "computer", "--interval", "0s"], "0s"),
        (["devices", "add", "X-1", "--kind", "computer", "--interval", "abc"], "abc"),
        (["devices", "add", "X-1", "--kind", "computer", "--interval", "3d"], "1d"),
        (["devices", "add", "X-1", "--kind", "computer", "--note", "a\u{1}b"], "--note"),
        (["devices", "add", "X-1", "--kind", "computer", "--snmp-community", "@bad name"], "@"),
        (["devices", "add", String(repeating: "n", count: 120), "--kind", "computer"], "120"),
        (["devices", "list", "--columns", "foo"], "foo"),
        (["mark", "broken", "PHOTO-02"], "kiemke mark PHOTO-02 broken"),
        (["mark", "PC-01", "xyz"], "xyz"),
        (["probe"], "--all"),
        (["probe", "127.0.0.1", "--v3-auth-key", "short"], "--v3-auth-key"),
        (["report", "--format", "docx"], "--output"),
        (["report", "--document"], "--format docx"),
        (["report", "--office", "xa01"], "--from-province"),
        (["daemon", "--interval", "5"], "5m"),
        (["web", "--listen", "foo"], "foo"),
    ])
    func refusedValues(_ arguments: [String], _ kept: String) async throws {
        let cli = CLI()
        let run = try await KiemkeProcess.run(arguments + ["--db", cli.database], environment: vietnamese)
        #expect(run.status == 2, "\(arguments): \(run.stderr)")
        let message = run.stderr.components(separatedBy: "Cách dùng:")[0]
        #expect(message.hasPrefix("Lỗi: ") || message.hasPrefix("kiemke: "), "\(arguments): \(run.stderr)")
        #expect(englishLeft(in: message).isEmpty, "\(arguments): English left (\(englishLeft(in: message))) in: \(message)")
        #expect(message.replacingOccurrences(of: "\n", with: " ").contains(kept), "\(arguments): \(kept) is missing from: \(message)")
        let english = try await KiemkeProcess.run(arguments + ["--db", cli.database], environment: ["LANG": "C.UTF-8"])
        #expect(english.status == 2 && english.stderr.hasPrefix("Error: ") || english.stderr.hasPrefix("kiemke: "), "\(arguments): \(english.stderr)")
    }

    @Test("ping's lines: fping's shape, its words in Vietnamese", .enabled(if: getuid() == 0, "needs root for ICMP sockets"))
    func ping() async throws {
        let vi = try await KiemkeProcess.run(["ping", "127.0.0.1"], environment: vietnamese)
        #expect(vi.status == 0 && vi.stdout.hasPrefix("127.0.0.1 hoạt động "), "\(vi.stdout) \(vi.stderr)")
        let en = try await KiemkeProcess.run(["ping", "127.0.0.1"], environment: ["LANG": "C.UTF-8"])
        #expect(en.status == 0 && en.stdout.hasPrefix("127.0.0.1 up "), "\(en.stdout) \(en.stderr)")
    }

    @Test("an import's row problems are listed in Vietnamese")
    func importRowProblems() async throws {
        let cli = CLI()
        let csv = try cli.folder.write("bad.csv", """
            name,kind,address,condition,interval,schedule,snmp_version,since,shared_address
            X-1,máy giặt,127.0.0.1,good,5,,,,
            X-2,pc,1.2.3,tot,5m,sometimes,4,,
            X-3,pc,,xyz,,,,2023-02-30,maybe
            X-3,pc,127.0.0.2,,,,,2099-01-01,
            X-5,pc,127.0.0.5,,,,,,
            X-6,pc,127.0.0.9,,,,,,,,

            """)
        let run = try await KiemkeProcess.run(["devices", "import", csv.path, "--db", cli.database], environment: vietnamese)
        #expect(run.status == 2, "\(run.stderr)")
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count >= 12, "\(run.stderr)")
        for line in lines {
            #expect(englishLeft(in: line).isEmpty, "English left (\(englishLeft(in: line))) in: \(line)")
        }
        for kept in ["máy giặt", "\"5\"", "1.2.3", "sometimes", "\"4\"", "xyz", "2023-02-30", "maybe", "2099-01-01"] {
            #expect(run.stderr.contains(kept), "\(kept) is missing from: \(run.stderr)")
        }
        // Shared addresses are checked once every row is valid.
        let shared = try cli.folder.write("dup.csv", "name,kind,address\nA,pc,127.0.0.1\nB,pc,127.0.0.1\n")
        let sharing = try await KiemkeProcess.run(["devices", "import", shared.path, "--db", cli.database], environment: vietnamese)
        #expect(sharing.status == 2 && sharing.stderr.contains("127.0.0.1") && sharing.stderr.contains("(dòng 3)"), "\(sharing.stderr)")
        #expect(englishLeft(in: sharing.stderr).isEmpty, "English left in: \(sharing.stderr)")
    }
}
