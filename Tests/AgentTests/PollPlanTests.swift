import Agent
import Inventory
import Testing
import KiemkeCore

@Suite("Poll plan: SNMP credentials per device")
struct PollPlanTests {
    static func device(_ name: String, id: Int64, version: SNMPVersion?) -> Device {
        var device = Device(name: name, kind: .printer, address: "192.0.2.\(id)", snmpVersion: version)
        device.id = id
        return device
    }

    @Test("a device asking for SNMPv3 with no v3 user is named, probed without SNMP, and an error to check", arguments: [
        (nil as String?, ["PR-V3"]),
        ("kiemke", []),
    ])
    func credentials(user: String?, missing: [String]) {
        var configuration = Configuration()
        configuration.snmp.v3User = user
        let plan = PollPlan(devices: [Self.device("PR-V2", id: 1, version: .v2c), Self.device("PR-V3", id: 2, version: .v3)],
                            configuration: configuration)
        #expect(plan.withoutCredentials == missing)
        #expect(plan.entries.count == 2)
        let v3 = plan.entries.first { $0.device.name == "PR-V3" }
        #expect((v3?.target.snmp == nil) == !missing.isEmpty)
        if missing.isEmpty {
            #expect(throws: Never.self) { try plan.checkCredentials() }
        } else {
            #expect(throws: SNMPCredentialsError.v3WithoutUser(devices: missing)) { try plan.checkCredentials() }
        }
    }
}
