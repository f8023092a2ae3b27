import Foundation
import Hummingbird
import HummingbirdTesting
import Inventory
import KiemkeCore
import Testing

/// Who may change what: anonymous visitors nothing, clerks marks, admins devices too; every form
/// needs its session's token; a refused change writes nothing.
@Suite struct ChangeRoutesTests {
    static let markFields = [("condition", "broken"), ("note", "hỏng trống, chờ sửa"), ("by", "Chị Lan")]

    @Test func loginSetsAStrictHttpOnlyCookie() async throws {
        let fixture = try WebFixture()
        try await fixture.application.test(.router) { client in
            let response = try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                    body: ByteBuffer(string: "name=lan&password=\(WebFixture.clerkPassword)"))
            #expect(response.status == .seeOther)
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("kiemke_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Max-Age="))
            #expect(!cookie.contains("Secure"))
        }
    }

    @Test(arguments: [("lan", "wrong-password"), ("nobody", WebFixture.clerkPassword), ("lan", "")])
    func badLoginsAre401(_ name: String, _ password: String) async throws {
        let fixture = try WebFixture()
        try await fixture.application.test(.router) { client in
            let response = try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                    body: ByteBuffer(string: "name=\(name)&password=\(password)"))
            #expect(response.status == .unauthorized)
            #expect(response.headers[values: .setCookie].allSatisfy { !$0.hasPrefix("kiemke_session=") })
        }
    }

    @Test func loginAttemptsAreRateLimited() async throws {
        let fixture = try WebFixture()
        try await fixture.application.test(.router) { client in
            for _ in 0..<5 {
                let response = try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                        body: ByteBuffer(string: "name=lan&password=guess"))
                #expect(response.status == .unauthorized)
            }
            // Even the right password is refused until the window passes.
            let response = try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                    body: ByteBuffer(string: "name=lan&password=\(WebFixture.clerkPassword)"))
            #expect(response.status == .tooManyRequests)
        }
    }

    @Test func crossSiteLoginIsRefused() async throws {
        let fixture = try WebFixture()
        try await fixture.application.test(.router) { client in
            let response = try await client.execute(uri: "/login", method: .post,
                                                    headers: [.contentType: "application/x-www-form-urlencoded", .origin: "http://evil.example"],
                                                    body: ByteBuffer(string: "name=lan&password=\(WebFixture.clerkPassword)"))
            #expect(response.status == .forbidden)
        }
    }

    @Test func anonymousMarkChangesNothingAndGoesToLogin() async throws {
        let fixture = try WebFixture()
        try await fixture.application.test(.router) { client in
            let response = try await Visitor().post(client, "/devices/PC-01/mark", Self.markFields)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location]?.hasPrefix("/login") == true)
        }
        #expect(try fixture.store.marks(of: fixture.store.device(named: "PC-01")).count == 1)
    }

    @Test(arguments: [nil, "not-the-token", ""])
    func markWithoutTheRightTokenIs403(_ token: String?) async throws {
        let fixture = try WebFixture()
        try await fixture.application.test(.router) { client in
            var lan = try await Visitor.login(client, "lan", WebFixture.clerkPassword)
            #expect(lan.csrf != nil)
            lan.csrf = token
            let response = try await lan.post(client, "/devices/PC-01/mark", Self.markFields)
            #expect(response.status == .forbidden)
        }
        #expect(try fixture.store.marks(of: fixture.store.device(named: "PC-01")).count == 1)
    }

    @Test func clerkMarksWithTheSameRulesAndHistory() async throws {
        let fixture = try WebFixture()
        try await fixture.application.test(.router) { client in
            let lan = try await Visitor.login(client, "lan", WebFixture.clerkPassword)
            let response = try await lan.post(client, "/devices/M%C3%A1y%20in%20K%E1%BA%BF%20to%C3%A1n/mark", Self.markFields)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/devices/M%C3%A1y%20in%20K%E1%BA%BF%20to%C3%A1n?done=mark")
            // Vietnamese condition words, as `kiemke mark` reads them, from the status list's form.
            let fromList = try await lan.post(client, "/mark", [("device", "pc-01"), ("condition", "xuống cấp"), ("note", ""), ("by", "lan")])
            #expect(fromList.status == .seeOther)
            let page = String(buffer: try await lan.get(client, "/devices/M%C3%A1y%20in%20K%E1%BA%BF%20to%C3%A1n?done=mark").body)
            #expect(page.contains("hỏng trống, chờ sửa") && page.contains("Đã lưu tình trạng."))
        }
        let mark = try #require(try fixture.store.marks(of: fixture.store.device(named: "Máy in Kế toán")).first)
        #expect(mark.condition == .broken && mark.note == "hỏng trống, chờ sửa" && mark.markedBy == "Chị Lan (web: lan)")
        let pc = try #require(try fixture.store.marks(of: fixture.store.device(named: "PC-01")).first)
        #expect(pc.condition == .degraded && pc.markedBy == "lan")
    }

    @Test(arguments: [
        ("/devices/PC-01/mark", [("condition", "exploded")], 400),
        ("/devices/PC-01/mark", [("condition", "broken"), ("note", String(repeating: "x", count: 2_001))], 400),
        ("/devices/NO-SUCH/mark", [("condition", "broken")], 404),
        ("/mark", [("device", ""), ("condition", "broken")], 400),
    ])
    func badMarksAreFormErrors(_ uri: String, _ fields: [(String, String)], _ status: Int) async throws {
        let fixture = try WebFixture()
        try await fixture.application.test(.router) { client in
            let lan = try await Visitor.login(client, "lan", WebFixture.clerkPassword)
            let response = try await lan.post(client, uri, fields)
            #expect(response.status.code == status)
            #expect(String(buffer: response.body).contains("class=\"problem\""))
        }
        #expect(try fixture.store.marks(of: fixture.store.device(named: "PC-01")).count == 1)
    }

    @Test(arguments: ["/devices", "/devices/PC-01/edit", "/devices/PC-01/retire"])
    func clerksMayNotChangeDevices(_ uri: String) async throws {
        let fixture = try WebFixture()
        try await fixture.application.test(.router) { client in
            let lan = try await Visitor.login(client, "lan", WebFixture.clerkPassword)
            let response = try await lan.post(client, uri, [("name", "PC-99"), ("kind", "computer")])
            #expect(response.status == .forbidden)
            #expect(try await lan.upload(client, "name,kind\nPC-98,computer\n").status == .forbidden)
            #expect(try await lan.get(client, "/devices/PC-01/edit").status == .forbidden)
            let anonymous = try await Visitor().post(client, uri, [("name", "PC-99"), ("kind", "computer")])
            #expect(anonymous.status == .seeOther)
        }
        #expect(try fixture.store.devices().count == 3)
        #expect(try fixture.store.device(named: "PC-01").retiredAt == nil)
    }

    @Test func adminAddsEditsAndRetires() async throws {
        let fixture = try WebFixture()
        try await fixture.application.test(.router) { client in
            let admin = try await Visitor.login(client, "admin", WebFixture.adminPassword)
            let added = try await admin.post(client, "/devices", [("name", "Máy scan 2"), ("kind", "máy scan"), ("address", "127.0.0.9"),
                                                                  ("location", "Một cửa"), ("condition", "good"), ("note", "")])
            #expect(added.status == .seeOther)
            let duplicate = try await admin.post(client, "/devices", [("name", "pc-01"), ("kind", "computer")])
            #expect(duplicate.status == .badRequest)
            let badKind = try await admin.post(client, "/devices", [("name", "X"), ("kind", "toaster")])
            #expect(badKind.status == .badRequest)
            #expect(try await admin.get(client, "/devices/PC-01/edit").status == .ok)
            let edited = try await admin.post(client, "/devices/PC-01/edit", [("name", "PC-01"), ("kind", "computer"), ("address", "127.0.0.22"),
                                                                             ("location", "Phòng họp"), ("note", "")])
            #expect(edited.status == .seeOther)
            let clash = try await admin.post(client, "/devices/PC-01/edit", [("address", "127.0.0.3")])
            #expect(clash.status == .badRequest)
            let retired = try await admin.post(client, "/devices/M%C3%A1y%20scan%202/retire", [])
            #expect(retired.status == .seeOther)
            #expect(try await admin.post(client, "/devices/M%C3%A1y%20scan%202/retire", []).status == .badRequest)
        }
        let pc = try fixture.store.device(named: "PC-01")
        #expect(pc.address == "127.0.0.22" && pc.location == "Phòng họp")
        let (_, history) = try fixture.store.history(named: "PC-01")
        #expect(history.contains { if case .edit(let edit) = $0 { edit.editedBy == "admin" } else { false } })
        #expect(throws: InventoryError.self) { try fixture.store.device(named: "Máy scan 2") }
    }

    @Test func badUploadShowsLineNumberedErrorsAndImportsNothing() async throws {
        let fixture = try WebFixture()
        try await fixture.application.test(.router) { client in
            let admin = try await Visitor.login(client, "admin", WebFixture.adminPassword)
            let csv = "name,kind,address\nPC-50,computer,127.0.0.50\nPC-51,toaster,127.0.0.51\nPC-52,computer,999.1.1.1\n"
            let response = try await admin.upload(client, csv)
            #expect(response.status == .unprocessableContent)
            let html = String(buffer: response.body)
            #expect(html.contains("line 3") && html.contains("line 4") && html.contains("nothing was imported"))
            let empty = try await admin.upload(client, "")
            #expect(empty.status == .unprocessableContent)
            #expect(String(buffer: empty.body).contains("file is empty"))
        }
        #expect(try fixture.store.devices().count == 3)
    }

    @Test func downloadedListReimportsUnchanged() async throws {
        let fixture = try WebFixture()
        try await fixture.application.test(.router) { client in
            let admin = try await Visitor.login(client, "admin", WebFixture.adminPassword)
            let download = try await admin.get(client, "/devices.csv")
            #expect(download.headers[.contentType] == "text/csv; charset=utf-8")
            let csv = String(buffer: download.body)
            #expect(!csv.contains("snmp_community"))
            let response = try await admin.upload(client, csv)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/devices?done=import&a=0&u=0&s=3&m=0")
        }
    }

    @Test func logoutEndsTheSession() async throws {
        let fixture = try WebFixture()
        try await fixture.application.test(.router) { client in
            let lan = try await Visitor.login(client, "lan", WebFixture.clerkPassword)
            #expect(try await lan.post(client, "/logout", []).status == .seeOther)
            let after = try await lan.post(client, "/devices/PC-01/mark", Self.markFields)
            #expect(after.status == .seeOther)
            #expect(after.headers[.location]?.hasPrefix("/login") == true)
        }
    }
}
