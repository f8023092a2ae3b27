import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Inventory
import Testing

/// What anyone on the LAN may read: every page answers, with its status code and security headers.
@Suite struct ReadingRoutesTests {
    @Test(arguments: [
        ("/", 200), ("/devices", 200), ("/devices.csv", 200), ("/report", 200), ("/report?period=2026-H1", 200),
        ("/report?period=2026-H9", 400), ("/report?from=2026-02-30", 400), ("/report/download?format=pdf", 400),
        ("/healthz", 200), ("/metrics", 200), ("/style.css", 200), ("/login", 200),
        ("/devices/PC-01", 200), ("/devices/pc-01", 200), ("/devices/M%C3%A1y%20in%20K%E1%BA%BF%20to%C3%A1n", 200),
        ("/devices/NO-SUCH-DEVICE", 404), ("/no/such/page", 404),
    ])
    func statusCodes(_ uri: String, _ status: Int) async throws {
        let fixture = try WebFixture()
        try await fixture.application.test(.router) { client in
            let response = try await client.execute(uri: uri, method: .get)
            #expect(response.status.code == status, "\(uri)")
        }
    }

    @Test func statusPageNamesEveryActiveDeviceAndCarriesSecurityHeaders() async throws {
        let fixture = try WebFixture()
        try await fixture.application.test(.router) { client in
            let response = try await client.execute(uri: "/", method: .get)
            let html = String(buffer: response.body)
            for device in try fixture.store.devices(includeInternetLinks: true) {
                #expect(html.contains(device.name.replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "'", with: "&#39;")))
            }
            #expect(html.contains("href=\"/devices/M%C3%A1y%20in%20K%E1%BA%BF%20to%C3%A1n\""))
            let policy = try #require(response.headers[.contentSecurityPolicy])
            #expect(!policy.contains("unsafe-inline") && policy.contains("default-src 'none'"))
            #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
            #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
        }
    }

    @Test func healthzSaysOk() async throws {
        let fixture = try WebFixture()
        try await fixture.application.test(.router) { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(String(buffer: response.body).trimmingCharacters(in: .whitespacesAndNewlines) == "ok")
        }
    }

    @Test func statusFiltersAndSorts() async throws {
        let fixture = try WebFixture()
        try await fixture.application.test(.router) { client in
            let printers = String(buffer: try await client.execute(uri: "/?kind=printer", method: .get).body)
            #expect(printers.contains("Máy in Kế toán") && !printers.contains(">PC-01<"))
            let office = String(buffer: try await client.execute(uri: "/?location=V%C4%83n%20ph%C3%B2ng", method: .get).body)
            #expect(office.contains(">PC-01<") && !office.contains("Máy in Kế toán</a>"))
            let up = String(buffer: try await client.execute(uri: "/?state=up", method: .get).body)
            #expect(up.contains("Máy in Kế toán</a>") && !up.contains(">PC-01<"))
            let byName = String(buffer: try await client.execute(uri: "/?sort=name&order=desc", method: .get).body)
            let pc = try #require(byName.range(of: ">PC-01<")), printer = try #require(byName.range(of: ">Máy in Kế toán<"))
            #expect(pc.lowerBound < printer.lowerBound)
        }
    }

    @Test func devicePageShowsFactsSuppliesAndSVGCharts() async throws {
        let fixture = try WebFixture()
        try await fixture.application.test(.router) { client in
            let html = String(buffer: try await client.execute(uri: "/devices/M%C3%A1y%20in%20K%E1%BA%BF%20to%C3%A1n", method: .get).body)
            #expect(html.contains("<meter min=\"0\" max=\"100\" low=\"15\" optimum=\"100\" value=\"7\">"))
            #expect(html.contains("12.345") || html.contains("12,345"))
            #expect(html.components(separatedBy: "<svg ").count == 3)
            #expect(html.contains("HP"))
        }
    }

    @Test func reportOffersEveryDownload() async throws {
        let fixture = try WebFixture()
        try await fixture.application.test(.router) { client in
            let html = String(buffer: try await client.execute(uri: "/report", method: .get).body)
            for format in ["text", "markdown", "csv", "json", "docx"] { #expect(html.contains("format=\(format)")) }
            let types = ["text": "text/plain", "markdown": "text/markdown", "csv": "text/csv", "json": "application/json",
                         "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"]
            for (format, type) in types {
                let response = try await client.execute(uri: "/report/download?format=\(format)", method: .get)
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix(type) == true, "\(format)")
                #expect(response.headers[.contentDisposition]?.contains("attachment") == true)
            }
            let docx = try await client.execute(uri: "/report/download?format=docx&lang=en", method: .get)
            #expect(Array(docx.body.readableBytesView.prefix(2)) == [0x50, 0x4B])
        }
    }

    @Test func englishSwitchIsCompleteAndRemembered() async throws {
        #expect(Set(WebPhrasesProbe.vietnameseKeys) == Set(WebPhrasesProbe.englishKeys))
        let fixture = try WebFixture()
        try await fixture.application.test(.router) { client in
            let response = try await client.execute(uri: "/?lang=en", method: .get)
            let html = String(buffer: response.body)
            #expect(html.contains("<html lang=\"en\">") && html.contains("Device status") && !html.contains("Trạng thái thiết bị"))
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("kiemke_lang=en") })
            let again = String(buffer: try await client.execute(uri: "/devices", method: .get, headers: [.cookie: String(cookie.split(separator: ";")[0])]).body)
            #expect(again.contains("Device list"))
            let vietnamese = String(buffer: try await client.execute(uri: "/devices", method: .get).body)
            #expect(vietnamese.contains("Danh sách thiết bị"))
        }
    }

    @Test func readingCanRequireLogin() async throws {
        var configuration = Agent.Configuration()
        configuration.web.requireLogin = true
        let fixture = try WebFixture(configuration: configuration)
        try await fixture.application.test(.router) { client in
            for uri in ["/", "/devices", "/devices/PC-01", "/report", "/devices.csv"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .seeOther, "\(uri)")
                #expect(response.headers[.location]?.hasPrefix("/login") == true)
            }
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
            let lan = try await Visitor.login(client, "lan", WebFixture.clerkPassword)
            #expect(try await lan.get(client, "/").status == .ok)
        }
    }
}

import Agent
@testable import OfficeWeb

enum WebPhrasesProbe {
    static var vietnameseKeys: [String] { Array(WebPhrases.vietnamese.keys) }
    static var englishKeys: [String] { Array(WebPhrases.english.keys) }
}
