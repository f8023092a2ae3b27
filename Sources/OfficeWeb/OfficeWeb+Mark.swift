import Foundation
import Hummingbird
import Inventory
import KiemkeCore

extension OfficeWeb {
    func addMarkRoutes(to router: Router<WebContext>) {
        router.post("/devices/:name/mark") { request, context in
            try await self.mark(request, context: context, name: Self.deviceName(context), back: nil)
        }
        // The status list's form names the device in a field.
        router.post("/mark") { request, context in
            try await self.mark(request, context: context, name: nil, back: "/")
        }
    }

    /// The same rules as `kiemke mark`: the condition words it reads, its note limits, the store's
    /// mark (one write path, history). `by` is the person who reported it; the account that
    /// entered it is recorded beside when the two differ.
    func mark(_ request: Request, context: WebContext, name: String?, back: String?) async throws -> Response {
        let web = WebRequest(request, sessions: sessions, now: now())
        let form = try await Self.form(request, context: context)
        if let refused = refusal(web, form: form, needs: .clerk) { return refused }
        let deviceName = name ?? form.text("device")
        let devicePath = "/devices/" + ShownText.pathSegment(deviceName)
        let backTo = back ?? devicePath
        guard !deviceName.isEmpty else { return messagePage(web.word("mark.device") + ": ?", web: web, status: .badRequest, back: backTo) }
        guard let condition = Condition(parsing: form.text("condition")) else {
            return messagePage(Condition.notACondition(form.text("condition")), web: web, status: .badRequest, back: backTo)
        }
        let note = form["note"].map { $0.replacingOccurrences(of: "\r\n", with: "\n") } ?? ""
        if let problem = DeviceTextRules.noteProblem(note) {
            return messagePage("note: " + problem, web: web, status: .badRequest, back: backTo)
        }
        let by = NameKey.clean(form.text("by"))
        if let problem = DeviceTextRules.nameProblem(by), !by.isEmpty {
            return messagePage("by: " + problem, web: web, status: .badRequest, back: backTo)
        }
        let user = web.session?.user ?? ""
        let who = by.isEmpty || NameKey.fold(by) == NameKey.fold(user) ? user : "\(by) (web: \(user))"
        let store = self.store
        let now = self.now()
        do {
            try await Blocking.run { _ = try store.mark(named: deviceName, condition: condition, note: note, by: who, at: now, now: now) }
        } catch {
            guard Self.isInputError(error) else { throw error }
            let status: HTTPResponse.Status = { if case .deviceNotFound = error as? InventoryError { .notFound } else { .badRequest } }()
            return messagePage(Self.message(for: error), web: web, status: status, back: backTo)
        }
        logger.debug("device marked", metadata: ["device": "\(deviceName)", "condition": "\(condition.rawValue)", "by": "\(who)"])
        return Self.redirect((back ?? devicePath) + "?done=mark")
    }
}
