import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import TestSupport

/// Words that never stand in Vietnamese prose: one of them in Vietnamese output is English left over.
private let englishMarkers = [" the ", " is ", " are ", " not ", " cannot ", " of ", " and ", " with ", " from ", " was ",
                              " nothing ", " device ", " file ", " line ", " give ", " use ", " must ", " for ",
                              " usage", " error:", " added ", " removed ", " changed ", " pending", " never", " swept "]

private func englishLeft(in text: String) -> [String] {
    let padded = " " + text.lowercased().replacingOccurrences(of: "\n", with: " ") + " "
    return englishMarkers.filter { padded.contains($0) }
}

/// Text with every run of white space as one space: the parser wraps usage errors to the terminal.
private func flat(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
}

/// One command line of discover, users, province, sync or web, and what each language must say.
struct Invocation: Sendable, CustomTestStringConvertible {
    var arguments: [String]
    /// Standard input (nil: /dev/null).
    var input: String? = nil
    /// Whether the database must hold the account "Lan" first.
    var withAccount = false
    var status: Int32
    /// What the Vietnamese run prints (stdout or stderr), with the values typed in their exact form.
    var vi: [String]
    /// What the English run prints, as scripts know it.
    var en: [String]

    var testDescription: String { arguments.joined(separator: " ") }
}

/// A database, a folder and a config in a fresh folder; `{dir}` and `{sync-config}` in arguments name them.
private struct Office {
    let folder = TemporaryDirectory()
    var database: String { folder.path("kiemke.sqlite") }

    func environment(_ language: String) -> [String: String] {
        ["LANG": language, "KIEMKE_DB": database, "USER": "tester", "COLUMNS": "100"]
    }

    func run(_ arguments: [String], input: String?, language: String) async throws -> KiemkeProcess.Outcome {
        let sync = try folder.write("sync.toml", "[sync]\nurl = \"mysql://127.0.0.1/k\"\noffice_code = \"MD01\"\n")
        let arguments = arguments.map { $0.replacingOccurrences(of: "{dir}", with: folder.url.path)
            .replacingOccurrences(of: "{sync-config}", with: sync.path) }
        guard let input else { return try await KiemkeProcess.run(arguments, environment: environment(language)) }
        // Standard input from a file, through the shell: KiemkeProcess gives every run /dev/null.
        let file = try folder.write("stdin-\(UUID().uuidString)", input)
        let binary = try #require(KiemkeProcess.binary)
        var environment = environment(language)
        environment["KIEMKE_TEST_STDIN"] = file.path
        return try await KiemkeProcess.run(URL(fileURLWithPath: "/bin/sh"),
                                           ["-c", "exec \"$0\" \"$@\" < \"$KIEMKE_TEST_STDIN\"", binary.path] + arguments,
                                           environment: environment)
    }

    func addAccount(language: String) async throws {
        let added = try await run(["users", "add", "Lan", "--role", "clerk", "--password-stdin"], input: "mat-khau-cua-lan\n", language: language)
        #expect(added.status == 0, "\(added.stderr)")
    }
}

private let url = "postgres://k@127.0.0.1/k"

/// Invocations that end in a usage or input error (and one runtime error), none of which needs a server.
private let failures: [Invocation] = [
    // No range, no terminal to ask at: this host's subnets are named (or there are none); nothing is swept.
    Invocation(arguments: ["discover"], status: 2, vi: ["dải"], en: ["range"]),
    Invocation(arguments: ["discover", "192.168.1.300"], status: 2,
               vi: ["dải \"192.168.1.300\" không hợp lệ", "'192.168.1.300' không phải địa chỉ IP hay dải mạng"],
               en: ["range \"192.168.1.300\" is not valid: '192.168.1.300' is not an IP address or network"]),
    Invocation(arguments: ["discover", "10.0.0.9-4"], status: 2,
               vi: ["dải \"10.0.0.9-4\" không hợp lệ: địa chỉ cuối đứng trước địa chỉ đầu"],
               en: ["range \"10.0.0.9-4\" is not valid: the last address comes before the first"]),
    Invocation(arguments: ["discover", "10.0.0.1-x9"], status: 2,
               vi: ["\"x9\" không phải địa chỉ IPv4, cũng không phải số cuối 0-255"],
               en: ["\"x9\" is neither an IPv4 address nor a last number 0-255"]),
    Invocation(arguments: ["discover", "10.0.0.0/16"], status: 2,
               vi: ["các dải có 65534 địa chỉ, nhiều hơn 4096 địa chỉ được quét khi không có --yes"],
               en: ["the ranges hold 65534 addresses, more than the 4096 a sweep may probe without --yes"]),
    Invocation(arguments: ["discover", "127.0.0.1", "--rate", "0"], status: 2,
               vi: ["--rate phải từ 1 đến 100000 gói tin mỗi giây"], en: ["--rate must be 1 to 100000 packets per second"]),
    Invocation(arguments: ["discover", "127.0.0.1", "--output", "{dir}"], status: 2,
               vi: ["--output", "là một thư mục; hãy cho tên tệp"], en: ["is a folder; give a file name"]),
    Invocation(arguments: ["discover", "ignore", "máy-in"], status: 2,
               vi: ["máy-in", "không phải địa chỉ IP, cũng không phải địa chỉ MAC"],
               en: ["máy-in", "is neither an IP address nor a MAC address"]),
    Invocation(arguments: ["users", "add", "Lan", "--role", "clerk", "--password-stdin"], input: "ngắn\n", status: 2,
               vi: ["mật khẩu ngắn hơn 8 ký tự; chưa thay đổi gì"], en: ["the password is shorter than 8 characters; nothing was changed"]),
    Invocation(arguments: ["users", "add", "Lan", "--role", "clerk"], status: 2,
               vi: ["không có cửa sổ dòng lệnh để gõ mật khẩu: hãy chuyển mật khẩu vào qua --password-stdin"],
               en: ["no terminal to type the password at: pipe it in with --password-stdin"]),
    Invocation(arguments: ["users", "add", " ", "--role", "admin", "--password-stdin"], input: "mat-khau-dai\n", status: 2,
               vi: ["tên tài khoản: tên trống"], en: ["account name: it is empty"]),
    Invocation(arguments: ["users", "add", "lan", "--role", "admin", "--password-stdin"], input: "mat-khau-dai\n", withAccount: true, status: 2,
               vi: ["đã có tài khoản", "lan", "kiemke users passwd lan"], en: ["there is already an account", "kiemke users passwd lan"]),
    Invocation(arguments: ["users", "passwd", "Hà", "--password-stdin"], input: "mat-khau-dai\n", withAccount: true, status: 2,
               vi: ["không có tài khoản", "Hà", "các tài khoản hiện có: Lan"], en: ["there is no account", "Hà", "; accounts: Lan"]),
    Invocation(arguments: ["users", "remove", "Hà"], withAccount: true, status: 2,
               vi: ["không có tài khoản", "Hà", "các tài khoản hiện có: Lan"], en: ["there is no account", "Hà", "; accounts: Lan"]),
    Invocation(arguments: ["sync"], status: 2,
               vi: ["hãy dùng một trong hai: --once (gửi ngay) hoặc --status"], en: ["give either --once (send now) or --status"]),
    Invocation(arguments: ["sync", "--once", "--json"], status: 2, vi: ["--json chỉ dùng cùng --status"], en: ["--json goes with --status"]),
    Invocation(arguments: ["sync", "--once"], status: 2,
               vi: ["tệp cấu hình chưa đặt [sync] url"], en: ["[sync] url is not set in the config"]),
    Invocation(arguments: ["sync", "--once", "--config", "{sync-config}"], status: 2,
               vi: ["[sync] url: \"mysql://127.0.0.1/k\" không phải URL cơ sở dữ liệu của tỉnh: URL phải bắt đầu bằng postgres://"],
               en: ["[sync] url: \"mysql://127.0.0.1/k\" is not a province database URL: it must start with postgres://"]),
    Invocation(arguments: ["province", "init", "http://127.0.0.1/k"], status: 2,
               vi: ["\"http://127.0.0.1/k\" không phải URL cơ sở dữ liệu của tỉnh"], en: ["\"http://127.0.0.1/k\" is not a province database URL"]),
    Invocation(arguments: ["province", "init", "postgres://k@127.0.0.1:70000/k"], status: 2,
               vi: ["cổng 70000 không nằm trong khoảng 1 đến 65535"], en: ["port 70000 is not 1 to 65535"]),
    Invocation(arguments: ["province", "add-office", "MD01", "Minh Đức", "--url", url], status: 2,
               vi: ["hãy dùng --password-stdin"], en: ["give --password-stdin and the password on standard input"]),
    Invocation(arguments: ["province", "add-office", "MD-01", "Minh Đức", "--url", url, "--password-stdin"], status: 2,
               vi: ["mã cơ quan \"MD-01\" phải gồm 1 đến 40 chữ cái"], en: ["office code \"MD-01\" must be 1 to 40 letters"]),
    Invocation(arguments: ["province", "add-office", "MD01", " ", "--url", url, "--password-stdin"], status: 2,
               vi: ["TÊN cơ quan đang trống"], en: ["the office's NAME is empty"]),
    Invocation(arguments: ["province", "add-office", "MD01", "Minh Đức", "--url", url, "--password-stdin"], status: 2,
               vi: ["không có mật khẩu ở đầu vào chuẩn"], en: ["no password on standard input"]),
    // Port 1 on loopback: nothing listens, the connection is refused at once.
    Invocation(arguments: ["province", "init", "postgres://k@127.0.0.1:1/k"], status: 1,
               vi: ["không kết nối được cơ sở dữ liệu của tỉnh tại 127.0.0.1:1"], en: ["cannot reach the province database at 127.0.0.1:1"]),
    Invocation(arguments: ["report", "--from-province", "http://127.0.0.1/k"], status: 2,
               vi: ["--from-province: \"http://127.0.0.1/k\" không phải URL cơ sở dữ liệu của tỉnh"],
               en: ["--from-province: \"http://127.0.0.1/k\" is not a province database URL"]),
    Invocation(arguments: ["web", "--listen", "bogus"], status: 2,
               vi: ["--listen:", "bogus", "không có dạng MÁY:CỔNG"], en: ["--listen:", "bogus", "is not HOST:PORT"]),
    Invocation(arguments: ["web", "--listen", "127.0.0.1:70000"], status: 2,
               vi: ["--listen: cổng 70000 nằm ngoài 1...65535"], en: ["--listen: port 70000 is outside 1...65535"]),
    Invocation(arguments: ["web"], status: 2,
               vi: ["hãy cho --listen HOST:PORT (ví dụ 127.0.0.1:8080)"], en: ["give --listen HOST:PORT (e.g. 127.0.0.1:8080)"]),
]

/// What the successful session prints, step by step, in each language.
private let sessionSteps: [Invocation] = [
    Invocation(arguments: ["users", "add", "Lan", "--role", "clerk", "--password-stdin"], input: "mat-khau-cua-lan\n", status: 0,
               vi: ["đã thêm Lan (clerk: cán bộ)"], en: ["added Lan (clerk)"]),
    Invocation(arguments: ["users", "add", "Hà", "--role", "admin", "--password-stdin"], input: "mat-khau-cua-ha\n", status: 0,
               vi: ["đã thêm Hà (admin: quản trị)"], en: ["added Hà (admin)"]),
    Invocation(arguments: ["users", "list"], status: 0,
               vi: ["TÊN", "VAI TRÒ", "TẠO LÚC", "ĐỔI MẬT KHẨU LÚC", "Lan", "clerk (cán bộ)", "Hà", "admin (quản trị)"],
               en: ["NAME", "ROLE", "CREATED", "PASSWORD CHANGED", "Lan", "clerk", "Hà", "admin"]),
    Invocation(arguments: ["users", "passwd", "lan", "--password-stdin"], input: "mat-khau-moi-1\n", status: 0,
               vi: ["đã đổi mật khẩu của Lan; trang web đang chạy vẫn giữ các phiên đăng nhập"],
               en: ["changed the password of Lan; a running web page keeps its current logins until they expire"]),
    Invocation(arguments: ["users", "remove", "Hà"], status: 0, vi: ["đã xoá Hà"], en: ["removed Hà"]),
    Invocation(arguments: ["sync", "--status"], status: 0,
               vi: ["đồng bộ: tắt (chưa đặt [sync] url)", "đang chờ gửi:", "lần thành công gần nhất: chưa bao giờ"],
               en: ["sync: off ([sync] url is not set)", "pending:", "last success: never"]),
    Invocation(arguments: ["discover", "ignore", "127.0.0.9"], status: 0,
               vi: ["đã bỏ qua 127.0.0.9: việc dò tìm sẽ không đề xuất nó nữa"], en: ["ignored 127.0.0.9: discovery will not propose it again"]),
    Invocation(arguments: ["discover", "127.0.0.1/32"], status: 0,
               vi: ["đã quét 1 địa chỉ trong", "giây:"], en: ["swept 1 addresses in"]),
]

@Suite("CLI: discover, users, province, sync and web speak the user's language",
       .enabled(if: KiemkeProcess.binary != nil, "the kiemke binary is not built; run `swift build` first"))
struct VietnameseCommandsTests {
    @Test("a usage or input error says it in Vietnamese under a Vietnamese locale, with the English exit code", arguments: failures)
    func vietnameseErrors(_ invocation: Invocation) async throws {
        let office = Office()
        if invocation.withAccount { try await office.addAccount(language: "vi_VN.UTF-8") }
        let run = try await office.run(invocation.arguments, input: invocation.input, language: "vi_VN.UTF-8")
        let output = run.stdout + run.stderr
        #expect(run.status == invocation.status, "\(output)")
        for text in invocation.vi { #expect(flat(output).contains(flat(text)), "no \(text) in:\n\(output)") }
        #expect(englishLeft(in: output).isEmpty, "English left (\(englishLeft(in: output))) in:\n\(output)")
    }

    @Test("the same error stays English under an English locale", arguments: failures)
    func englishErrors(_ invocation: Invocation) async throws {
        let office = Office()
        if invocation.withAccount { try await office.addAccount(language: "C.UTF-8") }
        let run = try await office.run(invocation.arguments, input: invocation.input, language: "C.UTF-8")
        let output = run.stdout + run.stderr
        #expect(run.status == invocation.status, "\(output)")
        for text in invocation.en { #expect(flat(output).contains(flat(text)), "no \(text) in:\n\(output)") }
    }

    @Test("a session of users, sync --status and discover, in Vietnamese then in English", arguments: ["vi_VN.UTF-8", "C.UTF-8"])
    func session(_ language: String) async throws {
        let office = Office()
        let vietnamese = language.hasPrefix("vi")
        for step in sessionSteps {
            let run = try await office.run(step.arguments, input: step.input, language: language)
            #expect(run.status == step.status, "\(step.arguments): \(run.stderr)")
            for text in vietnamese ? step.vi : step.en {
                #expect(run.stdout.contains(text), "\(step.arguments): no \(text) in:\n\(run.stdout)")
            }
            if vietnamese {
                #expect(englishLeft(in: run.stdout + run.stderr).isEmpty,
                        "\(step.arguments): English left (\(englishLeft(in: run.stdout + run.stderr))) in:\n\(run.stdout)\(run.stderr)")
            } else {
                #expect(!run.stdout.contains("đã ") && !run.stdout.contains("TÊN"), "\(step.arguments): \(run.stdout)")
            }
        }
        // The sweep's table, when loopback answered, has its headings in the user's language.
        let sweep = try await office.run(["discover", "127.0.0.1/32"], input: nil, language: language)
        if sweep.stdout.contains("127.0.0.1") {
            #expect(sweep.stdout.contains(vietnamese ? "ĐỊA CHỈ" : "ADDRESS"), "\(sweep.stdout)")
        }
        // JSON keeps its English keys, the contract, whatever the language.
        let json = try await office.run(["discover", "127.0.0.1/32", "--format", "json"], input: nil, language: language)
        #expect(json.status == 0, "\(json.stderr)")
        let body = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(body["swept"] as? Int == 1 && body["devices"] != nil, "\(json.stdout)")
    }

    @Test("web on a port another program holds: which address and why in Vietnamese, the system's text in English")
    func portInUse() async throws {
        let office = Office()
        try await office.addAccount(language: "C.UTF-8")
        let holder = try #require(LoopbackListener(), "cannot listen on loopback")
        defer { holder.close() }
        let address = "127.0.0.1:\(holder.port)"
        let vi = try await office.run(["web", "--listen", address], input: nil, language: "vi_VN.UTF-8")
        #expect(vi.status == 1)
        #expect(vi.stderr.contains("không mở được trang web tại \(address): cổng này đang được một chương trình khác dùng"), "\(vi.stderr)")
        #expect(englishLeft(in: vi.stdout + vi.stderr).isEmpty, "\(vi.stdout)\(vi.stderr)")
        let en = try await office.run(["web", "--listen", address], input: nil, language: "C.UTF-8")
        #expect(en.status == 1)
        #expect(en.stderr.contains("Address already in use"), "\(en.stderr)")
        #expect(en.stdout.contains("serving the web page at http://\(address)/"), "\(en.stdout)")
    }
}

/// A TCP socket listening on 127.0.0.1 at a port the system chose: a port another program holds.
private struct LoopbackListener {
    let descriptor: Int32
    let port: UInt16

    init?() {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(fd, raw, length) == 0 && listen(fd, 1) == 0 && getsockname(fd, raw, &length) == 0
            }
        }
        guard bound else { Glibc.close(fd); return nil }
        descriptor = fd
        port = UInt16(bigEndian: address.sin_port)
    }

    func close() { _ = Glibc.close(descriptor) }
}
