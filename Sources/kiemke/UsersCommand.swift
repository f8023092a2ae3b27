import Agent
import ArgumentParser
import Foundation
import Inventory
import KiemkeCore
import OfficeWeb

/// `kiemke users ...`: the accounts that may change things on the web page.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Add, list and remove the web page's accounts and change their passwords.",
        discussion: """
            A clerk may mark conditions; an admin may also import, add, edit and retire devices. \
            Passwords are read from standard input (--password-stdin) or typed at a prompt that \
            does not echo; only their bcrypt hash is stored.
            """,
        subcommands: [Add.self, Passwd.self, List.self, Remove.self]
    )
}

extension WebRole: ExpressibleByArgument {}

/// Reads a password without putting it in argv: a line of standard input, or two prompts without echo.
enum PasswordInput {
    static func read(fromStandardInput: Bool) throws -> String {
        let password: String
        if fromStandardInput {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            guard var text = String(data: data, encoding: .utf8) else {
                throw InputError("the password on standard input is not UTF-8 text",
                                 vi: "mật khẩu ở đầu vào chuẩn không phải văn bản UTF-8")
            }
            if text.hasSuffix("\n") { text.removeLast() }
            if text.hasSuffix("\r") { text.removeLast() }
            password = text
        } else {
            guard isatty(STDIN_FILENO) == 1 else {
                throw InputError("no terminal to type the password at: pipe it in with --password-stdin",
                                 vi: "không có cửa sổ dòng lệnh để gõ mật khẩu: hãy chuyển mật khẩu vào qua --password-stdin")
            }
            let first = try prompt(Say.text("Password: ", vi: "Mật khẩu: "))
            let second = try prompt(Say.text("Again: ", vi: "Nhập lại: "))
            guard first == second else {
                throw InputError("the two passwords differ; nothing was changed", vi: "hai lần nhập mật khẩu khác nhau; chưa thay đổi gì")
            }
            password = first
        }
        if let problem = WebPassword.problem(password) {
            throw InputError("\(problem); nothing was changed", vi: "\(vietnamese(problem)); chưa thay đổi gì")
        }
        return password
    }

    /// What `WebPassword.problem` says, in Vietnamese; a reason this table does not know stays as given.
    static func vietnamese(_ problem: String) -> String {
        switch problem {
        case "the password is shorter than 8 characters": "mật khẩu ngắn hơn 8 ký tự"
        case "the password is longer than 72 bytes, which bcrypt cannot use whole":
            "mật khẩu dài hơn 72 byte, bcrypt không dùng được trọn vẹn (chữ có dấu chiếm 2-3 byte mỗi chữ)"
        case "the password holds a control character": "mật khẩu chứa ký tự điều khiển"
        default: problem
        }
    }

    /// One line from the terminal with echo off.
    private static func prompt(_ text: String) throws -> String {
        FileHandle.standardError.write(Data(text.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else { throw InputError("no password was typed", vi: "chưa gõ mật khẩu") }
        return line
    }
}

extension UsersCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an account: --role clerk (marks) or admin (also devices).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The login name.") var name: String
        @Option(help: "clerk or admin.") var role: WebRole
        @Flag(help: "Read the password from standard input (one line) instead of prompting.") var passwordStdin = false

        /// A role in the words of the office: clerk "cán bộ", admin "quản trị".
        static func vietnamese(_ role: WebRole) -> String {
            switch role {
            case .clerk: "cán bộ"
            case .admin: "quản trị"
            }
        }

        func run() async throws {
            let workspace = try global.workspace()
            if let problem = InventoryStore.accountNameProblem(NameKey.clean(name)) {
                throw InputError("account name: \(problem)", vi: "tên tài khoản: \(WebUserError.vietnameseNameProblem(problem))")
            }
            let password = try PasswordInput.read(fromStandardInput: passwordStdin)
            let store = try workspace.openStore()
            do {
                let user = try store.addWebUser(named: name, role: role, passwordHash: WebPassword.hash(password))
                print(Say.text("added \(TerminalText.escaped(user.name)) (\(user.role.rawValue))",
                               vi: "đã thêm \(TerminalText.escaped(user.name)) (\(user.role.rawValue): \(Self.vietnamese(user.role)))"))
            } catch let error as WebUserError {
                throw InputError(error.description, vi: error.vietnamese)
            }
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change an account's password.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The login name.") var name: String
        @Flag(help: "Read the password from standard input (one line) instead of prompting.") var passwordStdin = false

        func run() async throws {
            let workspace = try global.workspace()
            let store = try workspace.openExistingStore()
            do {
                guard try store.webUser(named: name) != nil else { throw WebUserError.notFound(name, known: try store.webUsers().map(\.name)) }
                let password = try PasswordInput.read(fromStandardInput: passwordStdin)
                let user = try store.setWebPassword(named: name, passwordHash: WebPassword.hash(password))
                print(Say.text("changed the password of \(TerminalText.escaped(user.name)); a running web page keeps its current logins until they expire",
                               vi: "đã đổi mật khẩu của \(TerminalText.escaped(user.name)); trang web đang chạy vẫn giữ các phiên đăng nhập hiện có cho đến khi hết hạn"))
            } catch let error as WebUserError {
                throw InputError(error.description, vi: error.vietnamese)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts and their roles.")

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let workspace = try global.workspace()
            let store = try workspace.openStoreForReading()
            let dates = OfficeDate.Format(timeZone: workspace.timeZone)
            let vi = MessageLanguage.current == .vi
            var table = TextTable(header: vi ? ["TÊN", "VAI TRÒ", "TẠO LÚC", "ĐỔI MẬT KHẨU LÚC"] : ["NAME", "ROLE", "CREATED", "PASSWORD CHANGED"])
            for user in try store.webUsers() {
                let role = vi ? "\(user.role.rawValue) (\(Add.vietnamese(user.role)))" : user.role.rawValue
                table.append([user.name, role, dates.string(user.createdAt), dates.string(user.passwordChangedAt)])
            }
            print(table.render(), terminator: "")
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove an account; the marks it made keep its name.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The login name.") var name: String

        func run() async throws {
            let workspace = try global.workspace()
            let store = try workspace.openExistingStore()
            do {
                let user = try store.removeWebUser(named: name)
                print(Say.text("removed \(TerminalText.escaped(user.name))", vi: "đã xoá \(TerminalText.escaped(user.name))"))
            } catch let error as WebUserError {
                throw InputError(error.description, vi: error.vietnamese)
            }
        }
    }
}
