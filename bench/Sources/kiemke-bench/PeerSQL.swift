import Foundation
import Inventory

/// The store peer's input: the same observation rows a cycle records, as the plain SQL a
/// hand-rolled tool would hand to the `sqlite3` command-line shell in one transaction.
enum PeerSQL {
    /// `BEGIN; INSERT ...; COMMIT;` for `observations`, with dates in GRDB's stored format.
    static func transaction(_ observations: [Observation]) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss.SSS"
        var sql = "BEGIN;\n"
        for o in observations {
            let rtt = o.rttMs.map { String($0) } ?? "NULL"
            let error = o.error.map { "'\($0)'" } ?? "NULL"
            sql += "INSERT INTO observation (deviceId, time, up, answeredBy, rttMs, error, facts) VALUES "
                + "(\(o.deviceId), '\(formatter.string(from: o.time))', \(o.up ? 1 : 0), '\(o.answeredBy)', \(rtt), \(error), NULL);\n"
        }
        return sql + "COMMIT;\n"
    }
}
