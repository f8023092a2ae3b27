import Foundation
import Hummingbird
import HTTPTypes
import Inventory
import KiemkeCore

extension OfficeWeb {
    func addDeviceListRoutes(to router: Router<WebContext>) {
        router.get("/devices") { request, _ in
            let (web, refused) = self.reader(request)
            if let refused { return refused }
            return try await self.devicesPage(web, notice: self.notice(web))
        }
        // The list as `kiemke devices list --format csv` writes it, without communities (the page
        // never shows secrets; re-importing the file keeps the ones the database has).
        router.get("/devices.csv") { request, _ in
            let (_, refused) = self.reader(request)
            if let refused { return refused }
            let store = self.store
            let text = try await Blocking.run {
                try DeviceListing(store: store).csv(.init(byteOrderMark: true, withSecrets: false))
            }
            return Self.file(Data(text.utf8), type: "text/csv; charset=utf-8", name: "thiet-bi.csv")
        }
        router.post("/devices") { request, context in
            try await self.addDevice(request, context: context)
        }
        router.post("/devices/import") { request, context in
            try await self.importDevices(request, context: context)
        }
        router.get("/devices/:name/edit") { request, context in
            let web = WebRequest(request, sessions: self.sessions, now: self.now())
            guard web.session != nil else { return Self.redirect("/login?next=" + ShownText.queryValue(request.uri.path)) }
            guard web.allows(.admin) else { return self.messagePage(web.word("error.forbidden"), web: web, status: .forbidden) }
            return try await self.editPage(web, name: Self.deviceName(context))
        }
        router.post("/devices/:name/edit") { request, context in
            try await self.editDevice(request, context: context, name: Self.deviceName(context))
        }
        router.post("/devices/:name/retire") { request, context in
            try await self.retireDevice(request, context: context, name: Self.deviceName(context))
        }
    }

    /// The notice a post-redirect-get lands with (`?done=...`).
    func notice(_ web: WebRequest) -> String? {
        switch web.query.text("done") {
        case "mark": web.word("mark.done")
        case "add": web.word("devices.added")
        case "edit": web.word("devices.edited")
        case "retire": web.word("devices.retiredDone")
        case "import":
            web.word("devices.imported") + " " + ["a", "u", "s", "m"].map { key in
                "\(Int(web.query.text(key)) ?? 0) " + (web.language == .vi
                    ? ["a": "thêm", "u": "cập nhật", "s": "không đổi", "m": "đánh dấu"][key]!
                    : ["a": "added", "u": "updated", "s": "unchanged", "m": "marked"][key]!)
            }.joined(separator: ", ")
        default: nil
        }
    }

    func devicesPage(_ web: WebRequest, notice: String? = nil, importError: ImportError? = nil, addProblem: String? = nil,
                     status: HTTPResponse.Status = .ok) async throws -> Response {
        let store = self.store
        let listing = try await Blocking.run { try store.deviceListing() }
        let language = web.language
        let rows: [[String: Any]] = listing.map { entry in
            Self.values([
                "name": ShownText.cut(entry.device.name, limit: 100), "path": ShownText.pathSegment(entry.device.name),
                "kind": language.kind(entry.device.kind), "address": entry.device.address,
                "location": ShownText.cut(entry.device.location, limit: 100),
                "condition": entry.mark.map { language.condition($0.condition) } ?? "-",
                "note": ShownText.cut(entry.device.note, limit: 200),
            ])
        }
        var importValues: [String: Any?] = [:]
        if let importError {
            switch importError {
            case .badRows(let file, let problems):
                importValues["importHeadline"] = ShownText.cut("\(file): \(problems.count) problem\(problems.count == 1 ? "" : "s"); nothing was imported", limit: 300)
                importValues["importLines"] = problems.prefix(500).map { ShownText.cut("\($0)", limit: 500) }
            default:
                importValues["importHeadline"] = Self.message(for: importError)
                importValues["importLines"] = [String]()
            }
            importValues["importProblem"] = true
        }
        let values = Self.values([
            "rows": rows, "canAdmin": web.allows(.admin),
            "kindOptions": DeviceKind.allCases.map { ["value": $0.rawValue, "label": language.kind($0)] },
            "conditionOptions": conditionOptions(language),
            "addProblem": addProblem,
        ].merging(importValues) { a, _ in a })
        return page("devices", title: web.word("devices.title"), values: values, web: web, status: status, notice: notice)
    }

    /// A CSV upload, all or nothing, with the same reading and checks as `kiemke devices import`.
    func importDevices(_ request: Request, context: WebContext) async throws -> Response {
        let web = WebRequest(request, sessions: sessions, now: now())
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        let data = Data(buffer: buffer)
        let type = request.headers[.contentType] ?? ""
        let form: MultipartForm
        do {
            form = try MultipartForm(body: data, contentType: type)
        } catch {
            // Without a readable form there is no token to check: refuse like any bad token.
            if web.session == nil { return Self.redirect("/login?next=/devices") }
            return messagePage(error.description, web: web, status: .badRequest, back: "/devices")
        }
        if let refused = refusal(web, form: FormFields(["csrf_token": form.text("csrf_token") ?? ""]), needs: .admin) { return refused }
        guard let file = form.part("file") else {
            return messagePage(web.word("devices.file") + ": ?", web: web, status: .badRequest, back: "/devices")
        }
        let fileName = ShownText.cut(file.filename.flatMap { $0.isEmpty ? nil : $0 } ?? "upload.csv", limit: 100)
        let store = self.store
        let who = web.session?.user ?? ""
        let now = self.now()
        do {
            let summary = try await Blocking.run {
                try DeviceImporter(store: store).importParsed(try DeviceImporter.read(file.data, file: fileName), by: who, at: now)
            }
            logger.debug("device list imported", metadata: ["by": "\(who)", "added": "\(summary.added)", "updated": "\(summary.updated)"])
            return Self.redirect("/devices?done=import&a=\(summary.added)&u=\(summary.updated)&s=\(summary.unchanged)&m=\(summary.marked)")
        } catch let error as ImportError {
            return try await devicesPage(web, importError: error, status: .unprocessableContent)
        } catch {
            guard Self.isInputError(error) else { throw error }
            return try await devicesPage(web, importError: .unreadable(file: fileName, reason: Self.message(for: error)), status: .unprocessableContent)
        }
    }

    func addDevice(_ request: Request, context: WebContext) async throws -> Response {
        let web = WebRequest(request, sessions: sessions, now: now())
        let form = try await Self.form(request, context: context)
        if let refused = refusal(web, form: form, needs: .admin) { return refused }
        let name = NameKey.clean(form.text("name"))
        var problems: [String] = []
        let kind = DeviceKind(parsing: form.text("kind"))
        if kind == nil { problems.append("kind: " + DeviceKind.notAKind(form.text("kind"))) }
        let conditionText = form.text("condition").isEmpty ? "good" : form.text("condition")
        let condition = Condition(parsing: conditionText)
        if condition == nil { problems.append("condition: " + Condition.notACondition(conditionText)) }
        for case let (field, problem?) in [("name", DeviceTextRules.nameProblem(name)), ("location", DeviceTextRules.locationProblem(form.text("location"))),
                                           ("note", DeviceTextRules.noteProblem(form.text("note")))] {
            problems.append("\(field): \(problem)")
        }
        guard problems.isEmpty, let kind, let condition else {
            return try await devicesPage(web, addProblem: web.word("form.problems") + " " + problems.joined(separator: "; "), status: .badRequest)
        }
        let now = self.now()
        let device = Device(name: name, kind: kind, address: form.text("address"), location: form.text("location"),
                            note: form.text("note"), createdAt: now, enteredAt: now)
        let store = self.store
        let who = web.session?.user ?? ""
        do {
            let added = try await Blocking.run { try store.add(device, condition: condition, by: who, now: now) }
            return Self.redirect("/devices/" + ShownText.pathSegment(added.name) + "?done=add")
        } catch {
            guard Self.isInputError(error) else { throw error }
            return try await devicesPage(web, addProblem: web.word("form.problems") + " " + Self.message(for: error), status: .badRequest)
        }
    }

    func editPage(_ web: WebRequest, name: String, problem: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let store = self.store
        let device: Device
        do {
            device = try await Blocking.run { try store.device(named: name) }
        } catch {
            guard Self.isInputError(error) else { throw error }
            return messagePage(Self.message(for: error), web: web, status: .notFound, back: "/devices")
        }
        let values = Self.values([
            "path": ShownText.pathSegment(device.name), "name": device.name, "address": device.address,
            "location": device.location, "note": device.note, "problem": problem,
            "kindOptions": DeviceKind.allCases.map { ["value": $0.rawValue, "label": web.language.kind($0), "selected": $0 == device.kind] as [String: Any] },
        ])
        return page("edit", title: web.word("devices.editTitle") + " " + ShownText.cut(device.name, limit: 100), values: values, web: web, status: status)
    }

    func editDevice(_ request: Request, context: WebContext, name: String) async throws -> Response {
        let web = WebRequest(request, sessions: sessions, now: now())
        let form = try await Self.form(request, context: context)
        if let refused = refusal(web, form: form, needs: .admin) { return refused }
        var changes = DeviceChanges()
        var problems: [String] = []
        if let text = form["name"] {
            if let problem = DeviceTextRules.nameProblem(NameKey.clean(text)) { problems.append("name: \(problem)") }
            changes.name = text
        }
        if let text = form["kind"] {
            if let kind = DeviceKind(parsing: text) { changes.kind = kind } else { problems.append("kind: " + DeviceKind.notAKind(text)) }
        }
        if let text = form["address"] { changes.address = text }
        if let text = form["location"] {
            if let problem = DeviceTextRules.locationProblem(text) { problems.append("location: \(problem)") }
            changes.location = text
        }
        if let text = form["note"] {
            if let problem = DeviceTextRules.noteProblem(text) { problems.append("note: \(problem)") }
            changes.note = text
        }
        if !problems.isEmpty {
            return try await editPage(web, name: name, problem: web.word("form.problems") + " " + problems.joined(separator: "; "), status: .badRequest)
        }
        let store = self.store
        let who = web.session?.user ?? ""
        let now = self.now()
        let asked = changes
        do {
            let (device, _) = try await Blocking.run {
                asked.isEmpty ? (try store.device(named: name), "") : try store.edit(named: name, asked, by: who, now: now)
            }
            return Self.redirect("/devices/" + ShownText.pathSegment(device.name) + "?done=edit")
        } catch {
            guard Self.isInputError(error) else { throw error }
            if case .deviceNotFound = error as? InventoryError {
                return messagePage(Self.message(for: error), web: web, status: .notFound, back: "/devices")
            }
            return try await editPage(web, name: name, problem: web.word("form.problems") + " " + Self.message(for: error), status: .badRequest)
        }
    }

    func retireDevice(_ request: Request, context: WebContext, name: String) async throws -> Response {
        let web = WebRequest(request, sessions: sessions, now: now())
        let form = try await Self.form(request, context: context)
        if let refused = refusal(web, form: form, needs: .admin) { return refused }
        let store = self.store
        let now = self.now()
        do {
            _ = try await Blocking.run { try store.retire(named: name, at: now) }
        } catch {
            guard Self.isInputError(error) else { throw error }
            let status: HTTPResponse.Status = { if case .deviceNotFound = error as? InventoryError { .notFound } else { .badRequest } }()
            return messagePage(Self.message(for: error), web: web, status: status, back: "/devices")
        }
        logger.debug("device retired", metadata: ["device": "\(name)", "by": "\(web.session?.user ?? "")"])
        return Self.redirect("/devices?done=retire")
    }
}
