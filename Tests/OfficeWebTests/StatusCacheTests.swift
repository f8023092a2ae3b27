import Foundation
import Hummingbird
import HummingbirdTesting
import Inventory
import KiemkeCore
import Testing
@testable import OfficeWeb

/// The status page is kept a few seconds per view: a person's change still shows at once, polling's
/// within seconds, and one reader's login or form token never shows in another's page.
@Suite struct StatusCacheTests {
    static func row(_ html: String, _ name: String) -> Substring? {
        guard let start = html.range(of: "<a href=\"/devices/\(name)\">") else { return nil }
        let rowStart = html[..<start.lowerBound].range(of: "<tr ", options: .backwards)?.lowerBound ?? start.lowerBound
        let rest = html[rowStart...]
        return rest[..<(rest.range(of: "</tr>")?.upperBound ?? rest.endIndex)]
    }

    @Test func aMarkFromTheCommandLineShowsAtOnce() async throws {
        let fixture = try WebFixture()
        try await fixture.application.test(.router) { client in
            let before = String(buffer: try await client.execute(uri: "/", method: .get).body)
            #expect(Self.row(before, "PC-01")?.contains("c-broken") == false)
            // As `kiemke mark` does it: straight into the store, not through the page.
            _ = try fixture.store.mark(named: "PC-01", condition: .broken, note: "", by: "cli", at: fixture.now, now: fixture.now)
            let after = String(buffer: try await client.execute(uri: "/", method: .get).body)
            #expect(Self.row(after, "PC-01")?.contains("c-broken") == true)
        }
    }

    @Test func aDeviceAddedElsewhereShowsAtOnce() async throws {
        let fixture = try WebFixture()
        try await fixture.application.test(.router) { client in
            _ = try await client.execute(uri: "/", method: .get)
            try fixture.store.add(Device(name: "Máy quét Một cửa", kind: .other, address: "", createdAt: fixture.now), by: "test", now: fixture.now)
            let after = String(buffer: try await client.execute(uri: "/", method: .get).body)
            #expect(after.contains(">Máy quét Một cửa</a>"))
        }
    }

    @Test func pollingResultsShowWithinSeconds() async throws {
        let fixture = try WebFixture()
        try await fixture.application.test(.router) { client in
            let before = String(buffer: try await client.execute(uri: "/", method: .get).body)
            #expect(Self.row(before, "PC-01")?.hasPrefix("<tr class=\"none\">") == true)
            let pc = try fixture.store.device(named: "PC-01")
            try fixture.store.record([Observation(deviceId: pc.id!, time: fixture.now, up: true, answeredBy: "icmp", rttMs: 2.5)],
                                     policy: RecordingPolicy(interval: 60))
            // Kept at most `reuse` (2 s) after polling's changes; generous margin for a loaded machine.
            try await Task.sleep(for: .seconds(2.5))
            let after = String(buffer: try await client.execute(uri: "/", method: .get).body)
            #expect(Self.row(after, "PC-01")?.hasPrefix("<tr class=\"up\">") == true)
            #expect(Self.row(after, "PC-01")?.contains("2.5 ms") == true)
        }
    }

    @Test func oneReadersSessionNeverShowsInAnothers() async throws {
        let fixture = try WebFixture()
        try await fixture.application.test(.router) { client in
            let clerk = try await Visitor.login(client, "lan", WebFixture.clerkPassword)
            let clerkToken = try #require(clerk.csrf)
            let clerkPage = String(buffer: try await clerk.get(client, "/").body)
            #expect(clerkPage.contains("action=\"/mark\"") && clerkPage.contains("<datalist id=\"device-names\">"))
            let anonymous = String(buffer: try await client.execute(uri: "/", method: .get).body)
            #expect(!anonymous.contains(clerkToken) && !anonymous.contains("<strong>lan</strong>"))
            #expect(!anonymous.contains("action=\"/mark\"") && !anonymous.contains("device-names\">"))
            let admin = try await Visitor.login(client, "admin", WebFixture.adminPassword)
            let adminPage = String(buffer: try await admin.get(client, "/").body)
            #expect(adminPage.contains(try #require(admin.csrf)) && !adminPage.contains(clerkToken))
        }
    }

    @Test func eachViewIsKeptApart() async throws {
        let fixture = try WebFixture()
        try await fixture.application.test(.router) { client in
            let vietnamese = String(buffer: try await client.execute(uri: "/", method: .get).body)
            let english = String(buffer: try await client.execute(uri: "/?lang=en", method: .get).body)
            let printers = String(buffer: try await client.execute(uri: "/?kind=printer", method: .get).body)
            #expect(vietnamese.contains("Tổng số") && english.contains("Total") && !english.contains("Tổng số"))
            #expect(!printers.contains(">PC-01<") && vietnamese.contains(">PC-01<"))
        }
    }

    @Test(arguments: [
        ("", ""), ("plain text", "plain text"), ("Máy in Kế toán", "Máy in Kế toán"),
        ("<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
        ("\"><img src=x onerror=alert(1)>", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"),
        ("a & b", "a &amp; b"), ("&amp;", "&amp;amp;"),
        // A combining mark after `<` makes one grapheme that is not `<`; the bytes are still escaped.
        ("<\u{301}b>", "&lt;\u{301}b&gt;"),
    ])
    func escapesWhatTheTemplatesEscape(_ text: String, _ shown: String) {
        #expect(HTMLText.escaped(text) == shown)
    }
}
