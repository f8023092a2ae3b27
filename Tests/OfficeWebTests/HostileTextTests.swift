import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Whatever a device or a file says is shown as text, cut, never as markup.
@Suite struct HostileTextTests {
    @Test(arguments: ["/", "/devices", "/devices/M%C3%A1y%20in%20K%E1%BA%BF%20to%C3%A1n", "/devices/%3Cscript%3Ealert('name')%3C%2Fscript%3E"])
    func hostileTextIsEscapedAndCut(_ uri: String) async throws {
        let fixture = try WebFixture()
        try await fixture.application.test(.router) { client in
            let response = try await client.execute(uri: uri, method: .get)
            #expect(response.status == .ok, "\(uri)")
            let html = String(buffer: response.body)
            #expect(!html.contains("<script"), "\(uri)")
            #expect(!html.contains("<img"), "\(uri)")
            #expect(!html.contains("<b onmouseover"), "\(uri)")
            #expect(!html.contains("<i>LaserJet"), "\(uri)")
            #expect(html.utf8.count < 100_000, "a megabyte sysDescr is cut")
        }
    }

    @Test func hostileSysDescrAndSupplyShowAsText() async throws {
        let fixture = try WebFixture()
        try await fixture.application.test(.router) { client in
            let html = String(buffer: try await client.execute(uri: "/devices/M%C3%A1y%20in%20K%E1%BA%BF%20to%C3%A1n", method: .get).body)
            #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(&#39;descr&#39;)&lt;/script&gt;"))
            #expect(html.contains("&lt;script&gt;alert(&#39;toner&#39;)&lt;/script&gt;"))
            #expect(html.contains("…"))
        }
    }

    @Test func metricsLabelsAreEscaped() async throws {
        let fixture = try WebFixture()
        try await fixture.application.test(.router) { client in
            let text = String(buffer: try await client.execute(uri: "/metrics", method: .get).body)
            #expect(text.contains("kiemke_supply_level_percent{device=\"Máy in Kế toán\",kind=\"printer\",supply=\"<script>alert('toner')</script>\",index=\"0\"} 7"))
            #expect(text.contains("kiemke_probe_success{device=\"Máy in Kế toán\",kind=\"printer\"} 1"))
            #expect(text.contains("kiemke_device_condition{device=\"PC-01\",kind=\"computer\",condition=\"good\"} 1"))
        }
    }
}
