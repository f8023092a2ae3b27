import Foundation

/// What went wrong talking to the province's PostgreSQL, said so that an office IT person can act.
public enum ProvinceError: Error, CustomStringConvertible, Equatable {
    /// The URL is not a postgres:// URL kiemke can use.
    case badURL(String, reason: String)
    /// The server could not be reached within the deadline, or refused the connection.
    case unreachable(server: String, reason: String)
    /// A call took longer than its deadline (a half-open link, an overloaded server).
    case timedOut(what: String, seconds: Double)
    /// The server refused the login.
    case loginRefused(server: String, user: String, reason: String)
    /// The server answered a statement with an error.
    case refused(what: String, message: String)
    /// The account logged in belongs to another office than the one the config names.
    case wrongOffice(user: String, configured: String, actual: String?)
    /// The central schema is newer than this kiemke.
    case newerSchema(version: Int, known: Int)
    /// The central schema has not been created.
    case noSchema(server: String)
    /// An office code that cannot name a PostgreSQL role.
    case badOfficeCode(String)
    /// No office with that code.
    case unknownOffice(String)
    /// A format the province table is not written in.
    case formatUnavailable(String)
    /// What the province holds could not be read back.
    case badCentralRow(table: String, reason: String)

    public var description: String {
        switch self {
        case .badURL(let url, let reason):
            "\"\(url)\" is not a province database URL: \(reason); write it as postgres://USER@HOST:5432/DATABASE"
        case .unreachable(let server, let reason):
            "cannot reach the province database at \(server): \(reason); check the link and [sync] url, then try again"
        case .timedOut(let what, let seconds):
            "the province database did not answer \(what) within \(DurationWords.seconds(seconds)); the link may be down or slow"
        case .loginRefused(let server, let user, let reason):
            "the province database at \(server) refused the login of \(user): \(reason); check [sync] password in the secrets file"
        case .refused(let what, let message):
            "the province database refused \(what): \(message)"
        case .wrongOffice(let user, let configured, let actual?):
            "the province account \(user) belongs to office \(actual), but [sync] office_code is \(configured); nothing was sent"
        case .wrongOffice(let user, let configured, nil):
            "the province account \(user) belongs to no office (configured office_code \(configured)); ask the province to run `kiemke province add-office`; nothing was sent"
        case .newerSchema(let version, let known):
            "the province database has schema version \(version), newer than this kiemke knows (\(known)); upgrade kiemke"
        case .noSchema(let server):
            "the province database at \(server) has no kiemke tables; run `kiemke province init URL` first"
        case .badOfficeCode(let code):
            "office code \"\(code)\" must be 1 to 40 letters, digits or _ (it names the PostgreSQL role kiemke_CODE)"
        case .unknownOffice(let code):
            "the province database has no office \(code); `kiemke province add-office` creates it"
        case .formatUnavailable(let format):
            "the province's table cannot be written as \(format) yet; use text, markdown, csv or json (or --office CODE for one commune's section)"
        case .badCentralRow(let table, let reason):
            "the province database's \(table) holds a row kiemke cannot read: \(reason)"
        }
    }
}

/// Seconds in words for messages.
enum DurationWords {
    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }
}
