import Agent
import ArgumentParser
import Foundation
import Inventory
import Logging
import ProvinceStore
import ProvinceSync

/// `kiemke sync`: one round to the province's PostgreSQL now, or what is waiting.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Send this office's data to the province's database now (--once), or say what is waiting (--status).",
        discussion: """
            The daemon does this by itself every [sync] interval when [sync] url is set. \
            --once exits 0 when everything pending was acknowledged by the province, 1 when the \
            server could not be reached or refused (what is pending stays pending and goes next time).
            """)

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Do one round now: send everything pending, in batches, until the province has acknowledged all of it.")
    var once = false
    @Flag(help: "Say what is waiting to be sent and when the last round succeeded; contacts no server.")
    var status = false
    @Flag(help: "With --status: as JSON.") var json = false

    func validate() throws {
        if once == status {
            throw ValidationError(Say.text("give either --once (send now) or --status (what is waiting)",
                                           vi: "hãy dùng một trong hai: --once (gửi ngay) hoặc --status (xem những gì đang chờ gửi)"))
        }
        if json && !status { throw ValidationError(Say.text("--json goes with --status", vi: "--json chỉ dùng cùng --status")) }
    }

    func run() async throws {
        let workspace = try global.workspace()
        if status {
            let store = try workspace.openStoreForReading()
            let status = try store.syncStatus()
            print(json ? try Self.json(status, configured: workspace.configuration.sync) : Self.text(status, configured: workspace.configuration.sync,
                                                                                                   timeZone: workspace.timeZone,
                                                                                                   language: MessageLanguage.current), terminator: "")
            return
        }
        guard let settings = try workspace.configuration.syncSettings() else {
            throw InputError("[sync] url is not set in the config: set url, office_code and office_name under [sync] (the password goes in the secrets file)",
                             vi: "tệp cấu hình chưa đặt [sync] url: hãy đặt url, office_code và office_name trong mục [sync] (mật khẩu để trong tệp bí mật)")
        }
        let store = try workspace.openStore()
        let logger = Logger(label: "kiemke.sync")
        let outcome = try await SyncRound.run(store: store, settings: settings, logger: logger)
        print(Say.text("sent \(outcome.changes) changes, \(outcome.stateChanges) state changes and \(outcome.observations) observations in \(outcome.batches) batch(es); everything is acknowledged",
                       vi: "đã gửi \(outcome.changes) thay đổi, \(outcome.stateChanges) lần đổi trạng thái và \(outcome.observations) kết quả thăm dò trong \(outcome.batches) lô; tỉnh đã xác nhận nhận hết"))
    }

    static func text(_ status: SyncStatus, configured: SyncConfig, timeZone: TimeZone, language: ReportLanguage = .en) -> String {
        let vi = language == .vi
        func when(_ date: Date?) -> String {
            guard let date else { return vi ? "chưa bao giờ" : "never" }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            return String(format: "%04d-%02d-%02d %02d:%02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
        }
        var lines: [String] = []
        if vi {
            lines.append(configured.url == nil ? "đồng bộ: tắt (chưa đặt [sync] url)" : "đồng bộ: lên tỉnh, mã cơ quan \(configured.officeCode)")
            lines.append("đang chờ gửi: \(status.pendingChanges) thay đổi, \(status.pendingStateChanges) lần đổi trạng thái, "
                         + "\(status.pendingObservations) kết quả thăm dò")
            lines.append("lần thành công gần nhất: \(when(status.lastSuccess))")
            // The failure is the server's or the network's own words: kept, after a Vietnamese lead-in.
            lines.append("lượt gần nhất: \(when(status.lastAttempt))" + (status.lastError.map { " (thất bại: \($0))" } ?? ""))
        } else {
            lines.append(configured.url == nil ? "sync: off ([sync] url is not set)" : "sync: to office \(configured.officeCode) at the province")
            lines.append("pending: \(status.pendingChanges) changes, \(status.pendingStateChanges) state changes, \(status.pendingObservations) observations")
            lines.append("last success: \(when(status.lastSuccess))")
            lines.append("last round: \(when(status.lastAttempt))" + (status.lastError.map { " (failed: \($0))" } ?? ""))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ status: SyncStatus, configured: SyncConfig) throws -> String {
        let value: JSONValue = [
            "configured": .bool(configured.url != nil),
            "office_code": .string(configured.officeCode),
            "pending": ["changes": .int(status.pendingChanges), "state_changes": .int(status.pendingStateChanges),
                        "observations": .int(status.pendingObservations)],
            "acknowledged_sequence": .int(Int(status.cursor.sequence)),
            "caught_up": .bool(status.isCaughtUp),
            "last_success": .time(status.lastSuccess),
            "last_attempt": .time(status.lastAttempt),
            "last_error": .string(status.lastError),
        ]
        return try value.rendered()
    }
}
