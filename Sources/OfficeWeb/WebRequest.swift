import Foundation
import Hummingbird
import Inventory

/// What every page needs to know of its request: the language, the session, the query.
struct WebRequest {
    static let sessionCookie = "kiemke_session"
    static let languageCookie = "kiemke_lang"

    var request: Request
    var language: WebLanguage
    /// Whether `?lang=` chose the language now (the answer then sets the cookie).
    var languageChosen: Bool
    var token: String?
    var session: WebSession?
    var query: FormFields

    init(_ request: Request, sessions: SessionStore, now: Date) {
        self.request = request
        query = FormFields(urlEncoded: request.uri.query ?? "")
        if let chosen = query["lang"].flatMap(WebLanguage.init(rawValue:)) {
            language = chosen
            languageChosen = true
        } else {
            language = request.cookies[Self.languageCookie].flatMap { WebLanguage(rawValue: $0.value) } ?? .vi
            languageChosen = false
        }
        token = request.cookies[Self.sessionCookie]?.value
        session = sessions.session(token, now: now)
    }

    var words: [String: String] { language.words }

    func word(_ key: String) -> String { words[key] ?? key }

    /// The path and query of this page with `lang` set to the other language.
    var switchHref: String {
        let other: WebLanguage = language == .vi ? .en : .vi
        var fields = query.values
        fields["lang"] = other.rawValue
        let query = fields.sorted { $0.key < $1.key }.map { "\(ShownText.queryValue($0.key))=\(ShownText.queryValue($0.value))" }.joined(separator: "&")
        return request.uri.path + "?" + query
    }

    /// The session if its role allows `role`.
    func allows(_ role: WebRole) -> Bool { session?.role.allows(role) ?? false }
}
