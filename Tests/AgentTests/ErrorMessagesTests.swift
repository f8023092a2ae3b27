@testable import Agent
import Discovery
import Foundation
@testable import Inventory
import Probes
import ProvinceStore
import Testing
import WordDocument

/// Every error a command can end with, one of each case: both languages must say it.
private let everyError: [any Error] = [
    InventoryError.deviceNotFound(name: "PC-1", suggestions: ["PC-01"]),
    InventoryError.deviceNotFound(name: "XYZ", suggestions: []),
    InventoryError.duplicateName("PC-01"),
    InventoryError.invalidField(field: "address", value: "1.2.3", reason: "không phải địa chỉ IP"),
    InventoryError.newerDatabase(path: "/tmp/k.sqlite", unknownMigrations: ["v9"]),
    InventoryError.cannotCreateFolder(path: "/tmp/x", reason: "Permission denied"),
    InventoryError.cannotOpen(path: "/tmp/k.sqlite", reason: "file is not a database"),
    InventoryError.missingDatabase(path: "/tmp/k.sqlite"),
    InventoryError.databaseIsFolder(path: "/tmp"),
    InventoryError.needsUpgrade(path: "/tmp/k.sqlite", reason: "readonly"),
    InventoryError.markBeforeInService(device: "PC-01", markedAt: "2020-01-01 00:00", inService: "2022-01-01 00:00"),
    ImportError.unreadable(file: "x.csv", reason: "tệp trống"),
    ImportError.missingColumns(file: "x.csv", columns: ["kind"]),
    ImportError.badRows(file: "x.csv", problems: [ImportProblem(line: 3, field: "kind", message: "\"máy giặt\" không phải loại thiết bị")]),
    ConfigError.unreadable(file: "k.toml", reason: "The file “k.toml” couldn’t be opened because there is no such file."),
    ConfigError.syntax(file: "k.toml", line: 2, message: "expected '='"),
    ConfigError.unknownKey(file: "k.toml", line: 3, key: "probe.intervall", known: ["probe.interval"]),
    ConfigError.wrongType(file: "k.toml", line: 4, key: "probe.retries", expected: "an integer", found: "a string"),
    ConfigError.invalidValue(file: "k.toml", line: 5, key: "probe.interval", message: "5"),
    SNMPCredentialsError.v3WithoutUser(devices: ["SW-01"]),
    SNMPCredentialsError.v3WithoutUser(devices: ["A", "B", "C", "D", "E", "F", "G"]),
    SchedulerError.notRecorded(count: 3, path: "/tmp/k.sqlite"),
    InputError("--mode must be auto, raw or datagram, not 'x'", vi: "--mode phải là auto, raw hoặc datagram, không phải 'x'"),
    OfficeDate.Failure.malformed("15/03/2023"),
    OfficeDate.Failure.noSuchDate("2026-02-30"),
    OfficeDate.Failure.inFuture("2099-01-01"),
    ReportPeriod.Failure.unknown("2023-H3"),
    ReportPeriod.Failure.badDate("2023-13-01"),
    ReportPeriod.Failure.reversed(from: "2023-06-30", to: "2023-01-01"),
    ReportPeriod.Failure.notStarted(from: "2099-01-01", today: "2026-11-30"),
    CSVReader.Failure.notUTF8(line: 2),
    CSVReader.Failure.unterminatedQuote(line: 3),
    CSVReader.Failure.textAfterQuote(line: 4),
    CSVReader.Failure.nulByte(line: 5),
    ImportError.empty(file: "x.csv"),
    ImportError.noDeviceRows(file: "x.csv"),
    InventoryError.retired(name: "PC-01", on: "2026-03-01 08:00"),
    InventoryError.nothingToEdit(name: "PC-01"),
    InventoryError.databaseDeleted(path: "/tmp/k.sqlite"),
    InventoryError.databaseBeingReplaced(path: "/tmp/k.sqlite"),
    InventoryError.databaseReplaced(path: "/tmp/k.sqlite"),
    InventoryError.databaseReplacedWhileWriting(path: "/tmp/k.sqlite"),
    SNMPCredentialsError.unknownCommunity(device: "PRN-01", name: "may-in", known: ["camera"]),
    DaemonLockError.held(database: "/var/lib/kiemke/kiemke.sqlite", pid: 4242, lockFile: "/var/lib/kiemke/kiemke.sqlite.daemon-lock"),
    DaemonLockError.cannotCreate(path: "/var/lib/kiemke/kiemke.sqlite.daemon-lock", reason: "Permission denied"),
    SpillError.unreadable(path: "/var/lib/kiemke/kiemke.sqlite.spill", reason: "Permission denied"),
    WordFileError.archive(part: "word/document.xml", reason: "No space left on device"),
    ReportFileWriter.Failure(path: "bao-cao", reason: "it is a folder; give a file name such as bao-cao/bao-cao-muc-6.docx", isInputError: true),
    ReportFileWriter.Failure(path: "x/b.docx", reason: "the folder x does not exist", isInputError: true),
    ReportFormat.NotText(format: .docx),
    PingError.permissionDenied(mode: .automatic, executable: "/usr/bin/kiemke", detail: "EPERM"),
    PingError.permissionDenied(mode: .raw, executable: "/usr/bin/kiemke", detail: "EPERM"),
    PingError.permissionDenied(mode: .datagram, executable: "/usr/bin/kiemke", detail: "EACCES"),
    PingError.socketFailed(detail: "EMFILE"),
    PingError.invalidOption("tries 0"),
    IPNetworkError.malformed("192.168.1"),
    IPNetworkError.tooLarge("10.0.0.0/8", maximum: 65536),
    // discover
    DiscoveryError.malformedRange("192.168.1.300", reason: IPNetworkError.malformed("192.168.1.300").description),
    DiscoveryError.malformedRange("10.0.0.0/8", reason: IPNetworkError.tooLarge("10.0.0.0/8", maximum: 65536).description),
    DiscoveryError.malformedRange("", reason: "it is empty"),
    DiscoveryError.malformedRange("a-b", reason: "FIRST-LAST needs two IPv4 addresses"),
    DiscoveryError.malformedRange("10.0.0.1-x9", reason: "\"x9\" is neither an IPv4 address nor a last number 0-255"),
    DiscoveryError.malformedRange("10.0.0.9-4", reason: "the last address comes before the first"),
    DiscoveryError.malformedRange("10.0.0.1-10.2.0.1", reason: "it holds more than 65536 addresses"),
    DiscoveryError.overCap(count: 65534, cap: 4096),
    DiscoveryError.nothingToSweep,
    // users
    WebUserError.badName("", reason: "it is empty"),
    WebUserError.badName(String(repeating: "x", count: 70), reason: "it is longer than 64 characters"),
    WebUserError.badName("L\u{7}an", reason: "it holds control or formatting characters"),
    WebUserError.exists("Lan"),
    WebUserError.notFound("An", known: []),
    WebUserError.notFound("An", known: ["Lan", "Hà"]),
    // province, sync, report --from-province
    ProvinceError.badURL("http://127.0.0.1/k", reason: "it must start with postgres://"),
    ProvinceError.badURL("postgres://k@/db", reason: "it names no host"),
    ProvinceError.badURL("postgres://127.0.0.1:70000/k", reason: "port 70000 is not 1 to 65535"),
    ProvinceError.badURL("postgres://127.0.0.1/k", reason: "it names no user (postgres://USER@HOST/DATABASE)"),
    ProvinceError.badURL("postgres://k@127.0.0.1", reason: "it names no database (…/DATABASE at the end)"),
    ProvinceError.badURL("postgres://k@127.0.0.1/k?sslmode=x", reason: "sslmode \"x\" is not one of disable, prefer, require, verify-full"),
    ProvinceError.badURL("postgres://k@127.0.0.1/k?colour=1", reason: "\"colour\" is not a parameter kiemke knows (sslmode, sslrootcert)"),
    ProvinceError.badURL("postgres://k@127.0.0.1/k", reason: "its certificates could not be read (ENOENT)"),
    ProvinceError.unreachable(server: "127.0.0.1:5432", reason: "Connection refused (errno: 111)"),
    ProvinceError.unreachable(server: "127.0.0.1:5432", reason: "the server does not offer TLS, which sslmode=require requires"),
    ProvinceError.timedOut(what: "the whole sync round", seconds: 120),
    ProvinceError.timedOut(what: "the connection", seconds: 2.5),
    ProvinceError.loginRefused(server: "127.0.0.1:5432", user: "kiemke_md01", reason: "it asks for a password and none was given"),
    ProvinceError.refused(what: "the report of office MD01", message: "it has never synced"),
    ProvinceError.refused(what: "migration 3", message: "the server cancelled it after its statement timeout"),
    ProvinceError.refused(what: "the role kiemke_md01", message: "permission denied to create role"),
    ProvinceError.wrongOffice(user: "kiemke_md01", configured: "MD01", actual: "MD02"),
    ProvinceError.wrongOffice(user: "kiemke_md01", configured: "MD01", actual: nil),
    ProvinceError.newerSchema(version: 5, known: 3),
    ProvinceError.noSchema(server: "127.0.0.1:5432"),
    ProvinceError.badOfficeCode("MD-01"),
    ProvinceError.unknownOffice("MD01"),
    ProvinceError.formatUnavailable("docx"),
    ProvinceError.badCentralRow(table: "observation_day", reason: "times 3, 2"),
]

/// Words that never stand in Vietnamese prose: one of them in a Vietnamese message is English left over.
let englishMarkers = [" the ", " is ", " are ", " not ", " cannot ", " of ", " and ", " with ", " from ", " was ",
                      " nothing ", " device ", " file ", " line ", " give ", " use ", " must "]

func englishLeft(in text: String) -> [String] {
    let padded = " " + text.lowercased().replacingOccurrences(of: "\n", with: " ") + " "
    return englishMarkers.filter { padded.contains($0) }
}

@Suite("Error messages in Vietnamese and English")
struct ErrorMessagesTests {
    @Test("English is the error's own text", arguments: everyError.indices)
    func english(_ index: Int) {
        let error = everyError[index]
        #expect(ErrorMessages.text(for: error, language: .en) == "\(error)")
    }

    @Test("Vietnamese is complete: its own text, no English left, the same names and numbers", arguments: everyError.indices)
    func vietnamese(_ index: Int) {
        let error = everyError[index]
        let vi = ErrorMessages.text(for: error, language: .vi)
        let en = ErrorMessages.text(for: error, language: .en)
        #expect(error is any BilingualMessage, "\(type(of: error)) has no Vietnamese text")
        #expect(vi != en)
        #expect(englishLeft(in: vi).isEmpty, "English left in: \(vi)")
        // What the user must act on (paths, names, lines, values) survives the translation.
        let tokens = en.split(whereSeparator: { " ,;:()\"'\n".contains($0) })
            .filter { $0.contains(where: \.isNumber) || $0.contains("/") || $0.hasPrefix("-") }
        for token in tokens {
            #expect(vi.contains(token), "\(token) is missing from: \(vi)")
        }
    }

    /// The reasons an import file is refused are sentences kiemke writes into the error (file
    /// system, workbook, CSV syntax); each must reach a Vietnamese user in Vietnamese.
    @Test("a refused import file's reason is Vietnamese too", arguments: [
        "folder", "missing", "xlsx", "xls", "latin1", "quote", "nul",
    ])
    func importFileReasons(_ case: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiemke-reason-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes: [String: Data] = [
            "xlsx": Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]),
            "xls": Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
            "latin1": Data("name,kind\nPC-01,computer\nM\u{E1}y,computer\n".utf8).replacingFirst(0xC3, 0xA1, with: 0xE1),
            "quote": Data("name,kind\n\"PC-01,computer\n".utf8),
            "nul": Data("name,kind\nPC\u{0}01,computer\n".utf8),
        ]
        let failure: any Error
        do {
            switch `case` {
            case "folder": _ = try ImportSource.read(folder.path)
            case "missing": _ = try ImportSource.read(folder.appendingPathComponent("none.csv").path)
            default: _ = try DeviceImporter.read(try #require(bytes[`case`]), file: "x.csv")
            }
            Issue.record("\(`case`) was read")
            return
        } catch {
            failure = error
        }
        #expect(failure is ImportError, "\(failure)")
        let vi = ErrorMessages.text(for: failure, language: .vi)
        #expect(vi != ErrorMessages.text(for: failure, language: .en))
        #expect(englishLeft(in: vi).isEmpty, "English left in: \(vi)")
    }

    @Test("an error with no Vietnamese text keeps its English under a Vietnamese lead-in")
    func foreign() {
        struct Foreign: Error, CustomStringConvertible { var description: String { "boom" } }
        #expect(ErrorMessages.text(for: Foreign(), language: .vi) == "lỗi hệ thống (chi tiết bằng tiếng Anh): boom")
        #expect(ErrorMessages.line(for: Foreign(), language: .en) == "kiemke: boom")
    }
}

@Suite("Message language: the config's language key, else the locale")
struct MessageLanguageTests {
    @Test("the locale variables, in POSIX order", arguments: [
        ([:], ReportLanguage.en),
        (["LANG": "vi_VN.UTF-8"], .vi),
        (["LANG": "C.UTF-8"], .en),
        (["LANG": "en_US.UTF-8", "LC_MESSAGES": "vi_VN"], .vi),
        (["LANG": "vi_VN.UTF-8", "LC_MESSAGES": "en_US.UTF-8"], .en),
        (["LANG": "vi_VN.UTF-8", "LC_ALL": "C"], .en),
        (["LC_ALL": "vi", "LANG": "C"], .vi),
        (["LC_ALL": "", "LANG": "vi_VN"], .vi),
    ] as [([String: String], ReportLanguage)])
    func locale(_ environment: [String: String], _ expected: ReportLanguage) {
        #expect(MessageLanguage.fromLocale(environment) == expected)
    }

    @Test("a language key in the config file wins over the locale; without one the locale decides")
    func config() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiemke-lang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let vi = folder.appendingPathComponent("vi.toml"), en = folder.appendingPathComponent("en.toml")
        let none = folder.appendingPathComponent("none.toml")
        try #"language = "vi""#.write(to: vi, atomically: true, encoding: .utf8)
        try #"language = "en""#.write(to: en, atomically: true, encoding: .utf8)
        try #"office = "UBND""#.write(to: none, atomically: true, encoding: .utf8)
        #expect(MessageLanguage.resolve(arguments: ["status", "--config", vi.path], environment: ["LANG": "C"]) == .vi)
        #expect(MessageLanguage.resolve(arguments: ["--config=\(en.path)", "status"], environment: ["LANG": "vi_VN.UTF-8"]) == .en)
        #expect(MessageLanguage.resolve(arguments: ["status"], environment: ["KIEMKE_CONFIG": vi.path, "LANG": "C"]) == .vi)
        #expect(MessageLanguage.resolve(arguments: ["status", "--config", none.path], environment: ["LANG": "vi_VN"]) == .vi)
        #expect(MessageLanguage.resolve(arguments: ["status", "--config", none.path], environment: ["LANG": "C"]) == .en)
        // An unreadable config leaves the choice to the locale; the command reports the file itself.
        #expect(MessageLanguage.resolve(arguments: ["--config", "/nonexistent.toml"], environment: ["LANG": "vi_VN"]) == .vi)
    }
}

private extension Data {
    /// These bytes with the first two-byte sequence `a b` replaced by `byte`: a Latin-1 file from UTF-8 text.
    func replacingFirst(_ a: UInt8, _ b: UInt8, with byte: UInt8) -> Data {
        let bytes = [UInt8](self)
        guard let index = bytes.indices.dropLast().first(where: { bytes[$0] == a && bytes[$0 + 1] == b }) else { return self }
        return Data(bytes[..<index] + [byte] + bytes[(index + 2)...])
    }
}
