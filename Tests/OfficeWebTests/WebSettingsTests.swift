import Agent
import Foundation
import Testing
import TestSupport

/// The `[web]` table: read and checked like every other key, with the file, line and key named.
@Suite struct WebSettingsTests {
    @Test(arguments: [
        ("0.0.0.0:8080", "0.0.0.0", 8080), ("127.0.0.1:8080", "127.0.0.1", 8080), ("[::1]:9000", "::1", 9000), ("[::]:80", "::", 80),
    ])
    func listenAddresses(_ text: String, _ host: String, _ port: Int) throws {
        let address = try #require(ListenAddress(text))
        #expect(address.host == host && address.port == port)
    }

    @Test(arguments: ["8080", "localhost:8080", "127.0.0.1:0", "127.0.0.1:65536", "127.0.0.1:", "::1:8080", "[::1]8080", ""])
    func badListenAddresses(_ text: String) {
        #expect(ListenAddress(text) == nil)
        #expect(ListenAddress.problem(with: text) != nil)
    }

    @Test func webTableIsRead() throws {
        let folder = TemporaryDirectory()
        let file = try folder.write("kiemke.toml", "[web]\nlisten = \"127.0.0.1:8088\"\nrequire_login = true\nsession_timeout = \"30m\"\nsecure_cookies = true\n")
        let configuration = try Configuration.load(from: file)
        #expect(configuration.web.listen == ListenAddress(host: "127.0.0.1", port: 8088))
        #expect(configuration.web.requireLogin && configuration.web.secureCookies)
        #expect(configuration.web.sessionTimeout == .seconds(1800))
        #expect(Configuration().web.listen == nil)
    }

    @Test(arguments: [("listen = \"8080\"", "web.listen"), ("listen = 8080", "web.listen"), ("session_timeout = \"1s\"", "web.session_timeout"),
                      ("require_login = \"yes\"", "web.require_login"), ("port = 8080", "web.port")])
    func badWebKeysNameTheLine(_ line: String, _ key: String) throws {
        let folder = TemporaryDirectory()
        let file = try folder.write("kiemke.toml", "office = \"x\"\n[web]\n\(line)\n")
        #expect {
            try Configuration.load(from: file)
        } throws: { error in
            let text = "\(error)"
            return text.contains("kiemke.toml:3") && text.contains(key)
        }
    }
}
