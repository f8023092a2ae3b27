import Agent
import ArgumentParser
import Inventory
import Logging

/// The options every command takes: where the database and the config are, and how much to log.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The database file (default: $KIEMKE_DB, the config's database, then ~/.local/share/kiemke/kiemke.sqlite, or /var/lib/kiemke/kiemke.sqlite as root).")
    var db: String?

    @Option(name: .long, help: "The config file (default: $KIEMKE_CONFIG, else /etc/kiemke/kiemke.toml when it exists).")
    var config: String?

    @Option(name: .long, help: "Log level on stderr: trace, debug, info, notice, warning, error.")
    var logLevel: Logger.Level = .notice

    func validate() throws {
        if let db, db.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError(Say.text("--db is empty; give the database file's path, or leave --db out to use KIEMKE_DB, the config's database or the default",
                                           vi: "--db đang trống; hãy cho đường dẫn tệp cơ sở dữ liệu, hoặc bỏ --db để dùng KIEMKE_DB, khóa database của cấu hình hoặc mặc định"))
        }
    }

    /// Sets up logging and finds the config and the database.
    ///
    /// The libraries log at debug and trace; what an operator sees at the default level comes
    /// from the executable (the daemon's events, this warning), so `--log-level` alone decides.
    func workspace() throws -> Workspace {
        let level = logLevel
        LoggingSystem.bootstrap { label in
            var handler = OfficeLogHandler(label: label)
            handler.logLevel = level
            return handler
        }
        let workspace = try Workspace(dbFlag: db, configFlag: config)
        OfficeLogHandler.officeTimeZone.withLock { $0 = workspace.timeZone }
        DatabaseOwnership.remember(workspace.databasePath)
        let logger = Logger(label: "kiemke")
        for file in workspace.configuration.exposedSecretFiles {
            logger.warning("\(Say.text("\(file) holds SNMP secrets and every user can read it; run: chmod o-r \(file)", vi: "\(file) chứa mật khẩu SNMP và mọi người dùng đều đọc được; hãy chạy: chmod o-r \(file)"))")
        }
        let database = workspace.databasePath
        if InventoryStore.communitiesReadableByOthers(at: database) {
            logger.warning("\(database) holds SNMP communities and every user can read it; run: chmod 600 \(database) (or keep communities in the secrets file and name them \"@NAME\")")
        }
        return workspace
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
