import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import Inventory

extension OfficeWeb {
    func addAuthRoutes(to router: Router<WebContext>) {
        router.get("/login") { request, _ in
            let web = WebRequest(request, sessions: self.sessions, now: self.now())
            return self.loginPage(web, next: web.query.text("next"), problem: web.configurationNeedsLogin(self) ? web.word("login.needed") : nil)
        }
        router.post("/login") { request, context in
            try await self.login(request, context: context)
        }
        router.post("/logout") { request, context in
            let web = WebRequest(request, sessions: self.sessions, now: self.now())
            let form = try await Self.form(request, context: context)
            if let session = web.session, let token = form["csrf_token"], SessionStore.same(token, session.csrfToken) {
                self.sessions.end(web.token)
            }
            var response = Self.redirect("/")
            response.setCookie(self.sessionCookie("", maxAge: 0))
            return response
        }
    }

    func loginPage(_ web: WebRequest, next: String, name: String = "", problem: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
        page("login", title: web.word("login.title"),
             values: Self.values(["next": Self.safeNext(next), "name": ShownText.cut(name, limit: 64), "problem": problem]),
             web: web, status: status)
    }

    /// Checks the password with bcrypt (on the store's threads: it takes a quarter of a second on
    /// purpose); on success starts a session and goes to `next`.
    func login(_ request: Request, context: WebContext) async throws -> Response {
        let web = WebRequest(request, sessions: sessions, now: now())
        // Login forms are the one form without a session token: a cross-site one is refused by
        // what the browser says of it (Sec-Fetch-Site), or by its origin. Pages are served with
        // no-referrer, under which browsers send "Origin: null" even from this site.
        let fetchSite = request.headers[HTTPField.Name("Sec-Fetch-Site")!]
        let origin = request.headers[.origin]
        if fetchSite == "cross-site" || fetchSite == "same-site"
            || (origin != nil && origin != "null" && !Self.sameOrigin(origin!, request: request)) {
            return messagePage(web.word("error.csrf"), web: web, status: .forbidden)
        }
        let form = try await Self.form(request, context: context)
        let name = form.text("name"), password = form["password"] ?? ""
        let next = form.text("next")
        let address = context.clientAddress
        guard throttle.allows(address: address, name: name, now: now()) else {
            logger.debug("login throttled", metadata: ["client": "\(address)"])
            return loginPage(web, next: next, name: name, problem: web.word("login.throttled"), status: .tooManyRequests)
        }
        let store = self.store
        let user: WebUser? = try await Blocking.run {
            // A missing account costs the same bcrypt time as a wrong password.
            guard let user = try store.webUser(named: name), !password.isEmpty, password.utf8.count <= 200 else {
                _ = Bcrypt.verify(password, hash: Self.decoyHash)
                return nil
            }
            return Bcrypt.verify(password, hash: user.passwordHash) ? user : nil
        }
        guard let user else {
            throttle.failed(address: address, name: name, now: now())
            logger.debug("login failed", metadata: ["client": "\(address)"])
            return loginPage(web, next: next, name: name, problem: web.word("login.failed"), status: .unauthorized)
        }
        throttle.succeeded(address: address, name: name)
        sessions.end(web.token)
        let (token, _) = sessions.start(user: user.name, role: user.role, now: now())
        logger.debug("login", metadata: ["user": "\(user.name)"])
        var response = Self.redirect(Self.safeNext(next).isEmpty ? "/" : Self.safeNext(next))
        response.setCookie(sessionCookie(token, maxAge: Int(sessions.timeout)))
        return response
    }

    func sessionCookie(_ value: String, maxAge: Int) -> Cookie {
        Cookie(name: WebRequest.sessionCookie, value: value, maxAge: maxAge, path: "/",
               secure: configuration.web.secureCookies, httpOnly: true, sameSite: .strict)
    }

    /// Only a path on this site: "//evil.example" and "https://..." are dropped.
    static func safeNext(_ next: String) -> String {
        guard next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), next.count < 500,
              !next.unicodeScalars.contains(where: { $0.value < 0x20 }) else { return "" }
        return next
    }

    static func sameOrigin(_ origin: String, request: Request) -> Bool {
        guard let host = request.head.authority else { return false }
        return origin == "http://\(host)" || origin == "https://\(host)"
    }

    /// A bcrypt hash of nothing anyone types, to spend the same time on unknown names.
    static let decoyHash = Bcrypt.hash("kiemke decoy \(UUID().uuidString)", cost: 12)
}

extension WebRequest {
    func configurationNeedsLogin(_ web: OfficeWeb) -> Bool { web.configuration.web.requireLogin && session == nil }
}
