import Agent
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Inventory
import KiemkeCore
import OfficeWeb
import TestSupport

/// A store with a few devices (hostile ones among them), a clerk and an admin, and the web page over it.
final class WebFixture: Sendable {
    static let hostileDescr = "\"><img src=x onerror=alert(1)><script>alert('descr')</script>" + String(repeating: "A", count: 1_000_000)
    static let hostileSupply = "<script>alert('toner')</script>"
    static let hostileNote = "<b onmouseover=alert(2)>ghi chú</b>"
    static let clerkPassword = "mat-khau-lan-1"
    static let adminPassword = "mat-khau-admin-1"

    let folder = TemporaryDirectory()
    let store: InventoryStore
    let web: OfficeWeb
    let now: Date

    init(configuration: Configuration = Configuration()) throws {
        let now = Date()
        self.now = now
        store = try InventoryStore(path: folder.path("kiemke.sqlite"), timeZone: configuration.schedule.calendar.timeZone)
        let start = now.addingTimeInterval(-3 * 86_400)
        try store.add(Device(name: "PC-01", kind: .computer, address: "127.0.0.2", location: "Văn phòng", createdAt: start), by: "test", now: start)
        try store.add(Device(name: "Máy in Kế toán", kind: .printer, address: "127.0.0.3", location: "Kế toán",
                             note: Self.hostileNote, createdAt: start), by: "test", now: start)
        try store.add(Device(name: "<script>alert('name')</script>", kind: .other, address: "", createdAt: start), by: "test", now: start)
        let printer = try store.device(named: "Máy in Kế toán")
        let facts = DeviceFacts(address: "127.0.0.3",
                                classification: Classification(kind: .printer, vendor: "HP", model: "<i>LaserJet</i>", confidence: 1,
                                                               reason: "printer MIB", reasons: ["<script>alert('reason')</script>"]),
                                system: SystemGroup(description: Self.hostileDescr),
                                supplies: [PrinterSupply(name: Self.hostileSupply, type: "toner", color: "black", levelPct: 7,
                                                         levelState: nil, level: 7, maxCapacity: 100)],
                                pageCount: 12_345)
        let observations = (0..<3).map { i in
            Observation(deviceId: printer.id!, time: now.addingTimeInterval(Double(i - 3) * 60), up: true, answeredBy: "icmp,snmp",
                        rttMs: 1.5, facts: facts)
        }
        try store.record(observations, policy: RecordingPolicy(interval: 60))
        _ = try store.addWebUser(named: "lan", role: .clerk, passwordHash: WebPassword.hash(Self.clerkPassword, cost: 4))
        _ = try store.addWebUser(named: "admin", role: .admin, passwordHash: WebPassword.hash(Self.adminPassword, cost: 4))
        let fixed = now
        web = try OfficeWeb(store: store, source: ConfigurationSource(configuration), now: { fixed })
    }

    var application: some ApplicationProtocol {
        Application(router: web.router())
    }
}

/// A browser's cookies and the page's form token, over Hummingbird's test client.
struct Visitor {
    var cookie: String?
    var csrf: String?

    /// Logs in as `name`; the session cookie and a form token are kept.
    static func login(_ client: some TestClientProtocol, _ name: String, _ password: String) async throws -> Visitor {
        let response = try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                body: ByteBuffer(string: "name=\(name)&password=\(password)"))
        var visitor = Visitor()
        for value in response.headers[values: .setCookie] where value.hasPrefix("kiemke_session=") {
            visitor.cookie = String(value.split(separator: ";")[0])
        }
        let page = try await visitor.get(client, "/")
        visitor.csrf = Self.token(in: String(buffer: page.body))
        return visitor
    }

    static func token(in html: String) -> String? {
        guard let range = html.range(of: "name=\"csrf_token\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return String(rest[..<rest.firstIndex(of: "\"")!])
    }

    var headers: HTTPFields {
        var fields: HTTPFields = [:]
        if let cookie { fields[.cookie] = cookie }
        return fields
    }

    func get(_ client: some TestClientProtocol, _ uri: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: headers)
    }

    /// Posts a form; `csrf_token` is added unless `token` is false.
    func post(_ client: some TestClientProtocol, _ uri: String, _ fields: [(String, String)], token: Bool = true) async throws -> TestResponse {
        var all = fields
        if token, let csrf { all.append(("csrf_token", csrf)) }
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = all.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&")
        var fields = headers
        fields[.contentType] = "application/x-www-form-urlencoded"
        return try await client.execute(uri: uri, method: .post, headers: fields, body: ByteBuffer(string: body))
    }

    /// Uploads `csv` as the devices form's file.
    func upload(_ client: some TestClientProtocol, _ csv: String, name: String = "thiet-bi.csv", token: Bool = true) async throws -> TestResponse {
        let boundary = "----kiemke\(UUID().uuidString)"
        var body = ""
        if token, let csrf { body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n\(csrf)\r\n" }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: text/csv\r\n\r\n\(csv)\r\n--\(boundary)--\r\n"
        var fields = headers
        fields[.contentType] = "multipart/form-data; boundary=\(boundary)"
        return try await client.execute(uri: "/devices/import", method: .post, headers: fields, body: ByteBuffer(string: body))
    }
}
