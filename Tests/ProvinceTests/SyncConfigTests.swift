import Agent
import Foundation
import ProvinceStore
import TestSupport
import Testing

/// The `[sync]` keys: checked at load, the password from the secrets file, problems named.
@Suite("Sync config")
struct SyncConfigTests {
    @Test("[sync] with the password in the secrets file")
    func secrets() throws {
        let folder = TemporaryDirectory()
        try folder.write("secrets.toml", "[sync]\npassword = \"bí mật\"\n")
        let config = try folder.write("kiemke.toml", """
            office = "UBND xã Minh Đức"
            secrets = "secrets.toml"
            [sync]
            url = "postgres://kiemke_minhduc@127.0.0.1:5432/kiemke?sslmode=verify-full"
            office_code = "MINHDUC"
            office_name = "Xã Minh Đức"
            interval = "10m"
            """)
        let loaded = try Configuration.load(from: config)
        let settings = try #require(try loaded.syncSettings())
        #expect(settings.password == "bí mật")
        #expect(settings.url.sslMode == .verifyFull)
        #expect(settings.url.user == "kiemke_minhduc")
        #expect(settings.office.code == "MINHDUC")
        #expect(settings.office.profile.reportName == "UBND xã Minh Đức")
        #expect(settings.interval == .seconds(600))
        #expect(!settings.url.description.contains("bí mật"))
    }

    @Test("no [sync] url: no sync")
    func off() throws {
        #expect(try Configuration().syncSettings() == nil)
    }

    @Test("problems name the key", arguments: [
        ("mysql://x@y/z", "MINHDUC", "[sync] url"),
        ("postgres://x@y/z?sslmode=sometimes", "MINHDUC", "sslmode"),
        ("postgres://y/z", "MINHDUC", "names no user"),
        ("postgres://x@y/z", "", "[sync] office_code is missing"),
        ("postgres://x@y/z", "MINH-ĐỨC", "[sync] office_code"),
    ])
    func problems(url: String, code: String, message: String) throws {
        var configuration = Configuration()
        configuration.sync.url = url
        configuration.sync.officeCode = code
        #expect {
            _ = try configuration.syncSettings()
        } throws: { error in
            "\(error)".contains(message) && ExitStatus.code(for: error) == ExitStatus.inputError
        }
    }

    @Test("a password in a URL is never shown in its messages")
    func hidden() {
        #expect {
            _ = try ProvinceURL("postgres://u:very-secret@host/db?foo=1")
        } throws: { error in
            !"\(error)".contains("very-secret") && "\(error)".contains("foo")
        }
    }
}
