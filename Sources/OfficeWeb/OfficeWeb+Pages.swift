import Foundation
import Hummingbird
import HTTPTypes
import Inventory

extension OfficeWeb {
    /// The page's words as nested dictionaries, so templates say `{{t.nav.status}}`.
    static func nested(_ words: [String: String]) -> [String: Any] {
        var tree: [String: Any] = [:]
        for (key, value) in words {
            let parts = key.split(separator: ".").map(String.init)
            if parts.count == 1 { tree[key] = value; continue }
            var group = tree[parts[0]] as? [String: Any] ?? [:]
            group[parts.dropFirst().joined(separator: ".")] = value
            tree[parts[0]] = group
        }
        return tree
    }

    /// The words of `language` as templates read them (built per page: a few hundred entries).
    static func tree(_ language: WebLanguage) -> [String: Any] { nested(language.words) }

    /// Values for a template: nil and empty strings dropped, so `{{#x}}` sections skip them.
    static func values(_ pairs: [String: Any?]) -> [String: Any] {
        var out: [String: Any] = [:]
        for (key, value) in pairs {
            guard let value else { continue }
            if let text = value as? String, text.isEmpty { continue }
            out[key] = value
        }
        return out
    }

    /// Renders `template` with `values` inside the layout, as an HTML answer.
    /// `before`: markup the server already built (escaped as it was built), put ahead of the template's.
    func page(_ template: String, title: String, values: [String: Any], web: WebRequest, status: HTTPResponse.Status = .ok,
              notice: String? = nil, refresh: Int? = nil, before: String = "") -> Response {
        var common = values
        common["t"] = Self.tree(web.language)
        common["lang"] = web.language.rawValue
        if let session = web.session {
            common["user"] = session.user
            common["role"] = session.role.rawValue
            common["csrf"] = session.csrfToken
        }
        let body = before + (templates.render(common, withTemplate: template) ?? "")
        var layout = common
        layout["title"] = title
        layout["body"] = body
        layout["switchHref"] = web.switchHref
        layout["switchLang"] = web.language == .vi ? "en" : "vi"
        if let notice, !notice.isEmpty { layout["notice"] = notice }
        if let refresh { layout["refresh"] = String(refresh) }
        let html = templates.render(layout, withTemplate: "layout") ?? ""
        var response = Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(string: html)))
        if web.languageChosen {
            response.setCookie(Cookie(name: WebRequest.languageCookie, value: web.language.rawValue, maxAge: 365 * 86_400,
                                      path: "/", secure: configuration.web.secureCookies, httpOnly: true, sameSite: .strict))
        }
        return response
    }

    /// A page saying what went wrong, with a link back.
    func messagePage(_ message: String, web: WebRequest, status: HTTPResponse.Status, back: String = "/") -> Response {
        page("message", title: web.word("error.title"), values: ["message": message, "back": back], web: web, status: status)
    }

    /// 303 to `location`: post-redirect-get.
    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// Plain text or a file, with its type.
    static func file(_ data: Data, type: String, name: String? = nil) -> Response {
        var headers: HTTPFields = [.contentType: type]
        if let name {
            // An ASCII fallback and the UTF-8 name (RFC 6266), for Vietnamese file names.
            let ascii = name.unicodeScalars.filter { $0.isASCII && $0 != "\"" && $0.value >= 0x20 }
            headers[.contentDisposition] = "attachment; filename=\"\(String(String.UnicodeScalarView(ascii)))\"; filename*=UTF-8''\(ShownText.pathSegment(name))"
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The request's reading of the page; when reading needs a login and there is none, a
    /// redirect to the login page instead.
    func reader(_ request: Request) -> (WebRequest, Response?) {
        let web = WebRequest(request, sessions: sessions, now: now())
        if configuration.web.requireLogin && web.session == nil {
            return (web, Self.redirect("/login?next=" + ShownText.queryValue(request.uri.path)))
        }
        return (web, nil)
    }

    /// Checks a change's session, role and form token; nil when it may go ahead, else the answer:
    /// no session: to the login page; a wrong token: 403; a role that may not: 403.
    func refusal(_ web: WebRequest, form: FormFields, needs role: WebRole) -> Response? {
        guard let session = web.session else {
            return Self.redirect("/login?next=" + ShownText.queryValue(web.request.uri.path))
        }
        guard let token = form["csrf_token"], SessionStore.same(token, session.csrfToken) else {
            return messagePage(web.word("error.csrf"), web: web, status: .forbidden)
        }
        guard session.role.allows(role) else {
            return messagePage(web.word("error.forbidden"), web: web, status: .forbidden)
        }
        return nil
    }

    /// The body of a form post, read up to the context's limit.
    static func form(_ request: Request, context: WebContext) async throws -> FormFields {
        let buffer = try await request.body.collect(upTo: 1 << 20)
        return FormFields(urlEncoded: String(buffer: buffer))
    }

    /// The `NAME` of /devices/NAME, percent-decoded, NFC.
    static func deviceName(_ context: WebContext) throws -> String {
        let raw = try context.parameters.require("name")
        return (raw.removingPercentEncoding ?? raw).precomposedStringWithCanonicalMapping
    }

    /// A store or input error as a user reads it.
    static func message(for error: any Error) -> String {
        ShownText.cut("\(error)", limit: 4_000, keepingLines: true)
    }

    /// Whether `error` is the user's to fix (400) rather than the server's (500).
    static func isInputError(_ error: any Error) -> Bool {
        switch error {
        case let error as InventoryError: error.isInputError
        case is ImportError, is WebUserError, is WebError: true
        default: false
        }
    }
}
