import Agent
import ArgumentParser
import Foundation
import Inventory
import KiemkeCore
import Logging
import ProvinceStore

/// `kiemke province`: the province's side of the roll-up.
struct ProvinceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "province",
        abstract: "Set up the province's PostgreSQL that every commune's kiemke feeds.",
        discussion: """
            kiemke province init URL creates or migrates the central schema; \
            kiemke province add-office CODE NAME --url URL --password-stdin creates the office and its \
            PostgreSQL role kiemke_CODE (lower case), which can write only its own rows and read no other \
            office's. Print the province's table with kiemke report --from-province URL.
            """,
        subcommands: [Init.self, AddOffice.self])

    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "init", abstract: "Create or migrate the central schema.")
        @Argument(help: "postgres://USER@HOST:5432/DATABASE of an account that may create tables and roles.") var url: String
        @Option(name: .long, help: "Log level on stderr.") var logLevel: Logger.Level = .notice

        func run() async throws {
            let connection = try await ProvinceCommand.connect(url, logLevel: logLevel)
            do {
                let applied = try await ProvinceSchema.migrate(connection)
                await connection.close()
                let latest = ProvinceSchema.latestVersion, versions = applied.map(String.init).joined(separator: ", ")
                print(applied.isEmpty
                      ? Say.text("the province schema is up to date (version \(latest))",
                                 vi: "lược đồ dữ liệu của tỉnh đã là bản mới nhất (phiên bản \(latest))")
                      : Say.text("applied schema version(s) \(versions); now at \(latest)",
                                 vi: "đã áp dụng lược đồ phiên bản \(versions); nay là phiên bản \(latest)"))
            } catch {
                await connection.close()
                throw error
            }
        }
    }

    struct AddOffice: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add-office",
            abstract: "Create an office and its PostgreSQL role kiemke_CODE; run again to rename it or change its password.")
        @Argument(help: "The office's code: letters, digits or _, at most 40 (its role is kiemke_ and the code in lower case).") var code: String
        @Argument(help: "The office's name, as the province's table shows it.") var name: String
        @Option(help: "postgres://USER@HOST:5432/DATABASE of an account allowed to create roles.") var url: String
        @Flag(help: "Read the office's new password from standard input (one line).") var passwordStdin = false
        @Option(name: .long, help: "Log level on stderr.") var logLevel: Logger.Level = .notice

        func validate() throws {
            if !passwordStdin {
                throw ValidationError(Say.text("give --password-stdin and the password on standard input (never on the command line)",
                                               vi: "hãy dùng --password-stdin và đưa mật khẩu vào đầu vào chuẩn (không bao giờ gõ trên dòng lệnh)"))
            }
            do { try ProvinceOffices.check(code: code) } catch { throw ValidationError(Say.text("\(error)", vi: error.vietnamese)) }
            if NameKey.clean(name).isEmpty { throw ValidationError(Say.text("the office's NAME is empty", vi: "TÊN cơ quan đang trống")) }
        }

        func run() async throws {
            var password = readLine(strippingNewline: true) ?? ""
            if password.hasSuffix("\r") { password.removeLast() }
            guard !password.isEmpty else {
                throw InputError("no password on standard input: pipe the office's password to --password-stdin",
                                 vi: "không có mật khẩu ở đầu vào chuẩn: hãy chuyển mật khẩu của cơ quan vào --password-stdin")
            }
            guard !password.contains("\0") else {
                throw InputError("the password holds a NUL character, which PostgreSQL refuses",
                                 vi: "mật khẩu chứa ký tự NUL, PostgreSQL không chấp nhận")
            }
            let connection = try await ProvinceCommand.connect(url, logLevel: logLevel)
            do {
                try await ProvinceOffices.add(code: code, name: NameKey.clean(name), password: password, on: connection)
                await connection.close()
                let office = NameKey.clean(name), role = ProvinceOffices.roleName(code: code)
                print(Say.text("office \(code) (\(office)) can sync as \(role)",
                               vi: "cơ quan \(code) (\(office)) có thể đồng bộ bằng tài khoản \(role)"))
            } catch {
                await connection.close()
                throw error
            }
        }
    }

    /// Connects to `text`, a bad URL being an input error (exit 2).
    static func connect(_ text: String, logLevel: Logger.Level) async throws -> ProvinceConnection {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = logLevel
            return handler
        }
        let url: ProvinceURL
        do { url = try ProvinceURL(text) } catch { throw InputError("\(error)", vi: error.vietnamese) }
        return try await ProvinceConnection.connect(url, logger: Logger(label: "kiemke.province"))
    }
}
