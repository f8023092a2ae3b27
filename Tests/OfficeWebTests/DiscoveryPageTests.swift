import Foundation
import Hummingbird
import HummingbirdTesting
import Inventory
import KiemkeCore
import Testing

/// The discovery page: the new devices the scheduled sweep noted, with checkboxes and proposed names for an
/// admin, read-only for a clerk; an admin's ticks enrol (under the proposed names, MAC recorded) or ignore.
@Suite struct DiscoveryPageTests {
    /// A fixture whose store has three new devices sighted (one camera, two computers).
    static func fixture() throws -> WebFixture {
        let fixture = try WebFixture()
        try fixture.store.noteDiscovery(new: [
            NewDeviceSighting(address: "127.0.0.21", mac: "00:1b:a9:12:34:56", kind: .camera),
            NewDeviceSighting(address: "127.0.0.22", kind: .computer),
            NewDeviceSighting(address: "127.0.0.23", kind: .computer),
        ], conflicts: [], at: fixture.now)
        return fixture
    }

    @Test func clerkReadsTheProposalWithoutCheckboxes() async throws {
        let fixture = try Self.fixture()
        try await fixture.application.test(.router) { client in
            let clerk = try await Visitor.login(client, "lan", WebFixture.clerkPassword)
            let page = try await clerk.get(client, "/discovery")
            let html = String(buffer: page.body)
            #expect(page.status == .ok)
            // PC-01 is in the list: the next computers are PC-02 and PC-03; the first camera is CAM-01.
            for text in ["127.0.0.21", "00:1b:a9:12:34:56", "CAM-01", "PC-02", "PC-03"] { #expect(html.contains(text), "\(text)") }
            #expect(!html.contains("type=\"checkbox\""), "a clerk gets no checkboxes")
            let refused = try await clerk.post(client, "/discovery", [("pick.127.0.0.21", "on"), ("action", "enrol")])
            #expect(refused.status == .forbidden)
            #expect(try fixture.store.devices().count == 3, "nothing enrolled")
        }
    }

    @Test func adminEnrolsAndIgnoresTheTickedOnes() async throws {
        let fixture = try Self.fixture()
        try await fixture.application.test(.router) { client in
            let admin = try await Visitor.login(client, "admin", WebFixture.adminPassword)
            let page = String(buffer: try await admin.get(client, "/discovery").body)
            #expect(page.contains("type=\"checkbox\" name=\"pick.127.0.0.21\""), "\(page)")

            let noToken = try await admin.post(client, "/discovery", [("pick.127.0.0.21", "on"), ("action", "enrol")], token: false)
            #expect(noToken.status == .forbidden)
            let nothing = try await admin.post(client, "/discovery", [("action", "enrol")])
            #expect(nothing.status == .badRequest)
            // An address that is not waiting (typed into a forged form) is not enrolled.
            let forged = try await admin.post(client, "/discovery", [("pick.10.0.0.9", "on"), ("action", "enrol")])
            #expect(forged.status == .badRequest)

            let enrol = try await admin.post(client, "/discovery", [("pick.127.0.0.21", "on"), ("pick.127.0.0.23", "on"), ("action", "enrol")])
            #expect(enrol.status == .seeOther)
            let camera = try fixture.store.device(named: "CAM-01")
            #expect(camera.address == "127.0.0.21" && camera.kind == .camera)
            // Each is enrolled under the name the page showed for it, whatever else was ticked.
            #expect(try fixture.store.device(named: "PC-03").address == "127.0.0.23")
            #expect(try fixture.store.identities()["CAM-01"]?.mac == "00:1b:a9:12:34:56")

            let ignore = try await admin.post(client, "/discovery", [("pick.127.0.0.22", "on"), ("action", "ignore")])
            #expect(ignore.status == .seeOther)
            #expect(try fixture.store.ignoredForDiscovery().contains("127.0.0.22"))
            let after = String(buffer: try await admin.get(client, "/discovery").body)
            #expect(!after.contains("127.0.0.21") && !after.contains("127.0.0.22") && !after.contains("127.0.0.23"), "\(after)")
        }
    }
}
