import Foundation
import Inventory
import Testing
import TestSupport
import KiemkeCore

@Suite("Condition marks and history")
struct MarkTests {
    @Test("marks are appended, never overwritten, and history lists them newest first")
    func history() throws {
        let fixture = try StoreFixture()
        let t0 = Date(timeIntervalSince1970: 1_700_000_000)
        try fixture.store.add(Device(name: "PHOTO-02", kind: .copier, address: "127.0.0.1", createdAt: t0), by: "lan")
        try fixture.store.mark(named: "photo-02", condition: .degraded, note: "mờ bản in", by: "lan", at: t0 + 60)
        try fixture.store.mark(named: "Photo-02", condition: .broken, note: "hỏng trống", by: "minh", at: t0 + 120)
        let (device, entries) = try fixture.store.history(named: "PHOTO-02")
        #expect(device.name == "PHOTO-02")
        let marks = entries.compactMap { entry -> ConditionMark? in
            if case .mark(let mark) = entry { return mark }
            return nil
        }
        #expect(marks.map(\.condition) == [.broken, .degraded, .good])
        #expect(marks.map(\.markedBy) == ["minh", "lan", "lan"])
        #expect(marks[0].note == "hỏng trống")
        #expect(try fixture.store.currentMarks()[device.id!]?.condition == .broken)
    }

    @Test("an unknown device name is an error that suggests the nearest names")
    func unknownDevice() throws {
        let fixture = try StoreFixture()
        for name in ["PC-01", "PC-02", "PHOTO-01", "CAM-01"] {
            try fixture.store.add(Device(name: name, kind: .computer, address: ""), by: "t")
        }
        #expect {
            try fixture.store.mark(named: "PC-1", condition: .broken, by: "t")
        } throws: { error in
            guard case .deviceNotFound(let name, let suggestions) = error as? InventoryError else { return false }
            return name == "PC-1" && suggestions.prefix(2).sorted() == ["PC-01", "PC-02"]
                && (error as? InventoryError)?.isInputError == true
        }
    }

    @Test("Vietnamese condition words parse to the four grades", arguments: [
        ("tốt", Condition.good), ("Hoạt động tốt", .good), ("trung bình", .fair), ("HOẠT ĐỘNG TRUNG BÌNH", .fair),
        ("xuống cấp", .degraded), ("đã xuống cấp", .degraded), ("hỏng", .broken), ("đã bị hỏng", .broken),
        ("Broken", .broken), ("fair", .fair),
    ])
    func vietnameseConditions(text: String, condition: Condition) {
        #expect(Condition(parsing: text) == condition)
        #expect(Condition(parsing: text.decomposedStringWithCanonicalMapping) == condition)
    }

    @Test("text that is no condition is rejected")
    func notACondition() {
        #expect(Condition(parsing: "tuyệt vời") == nil)
        #expect(Condition(parsing: "") == nil)
    }
}

@Suite("Retiring devices")
struct RetireTests {
    @Test("a retired device leaves the list and counts from then on, keeps its history, and frees its name")
    func retire() throws {
        let fixture = try StoreFixture()
        let t0 = Date(timeIntervalSince1970: 1_700_000_000)
        try fixture.store.add(Device(name: "PC-09", kind: .computer, address: "127.0.0.9", createdAt: t0), by: "t")
        try fixture.store.mark(named: "PC-09", condition: .broken, by: "t", at: t0 + 10)
        let retired = try fixture.store.retire(named: "pc-09", at: t0 + 100)
        #expect(try fixture.store.devices().isEmpty)
        #expect(try fixture.store.devices(includeRetired: true).map(\.name) == ["PC-09"])
        #expect(retired.isActive(during: DateInterval(start: t0, end: t0 + 50)))
        #expect(!retired.isActive(during: DateInterval(start: t0 + 200, end: t0 + 300)))
        #expect(try fixture.store.marks(of: retired).count == 2)
        #expect(throws: InventoryError.self) { try fixture.store.device(named: "PC-09") }
        // A new PC may take the retired one's name.
        try fixture.store.add(Device(name: "PC-09", kind: .computer, address: "127.0.0.10"), by: "t")
        #expect(try fixture.store.device(named: "PC-09").address == "127.0.0.10")
    }

    @Test("two active devices cannot share a name, whatever the case")
    func duplicateName() throws {
        let fixture = try StoreFixture()
        try fixture.store.add(Device(name: "Máy in 1", kind: .printer, address: ""), by: "t")
        #expect(throws: InventoryError.duplicateName("MÁY IN 1")) {
            try fixture.store.add(Device(name: "MÁY IN 1", kind: .printer, address: ""), by: "t")
        }
    }
}

@Suite("Default database location")
struct DatabaseLocationTests {
    @Test("--db wins, then KIEMKE_DB, then the config, then the per-user or system default")
    func precedence() {
        let env = ["HOME": "/home/lan", "KIEMKE_DB": "/srv/env.sqlite", "XDG_DATA_HOME": "/home/lan/.data"]
        #expect(DatabaseLocation.resolve(flag: "/x/flag.sqlite", configured: "/c.sqlite", environment: env, isRoot: false) == "/x/flag.sqlite")
        #expect(DatabaseLocation.resolve(flag: nil, configured: "/c.sqlite", environment: env, isRoot: false) == "/srv/env.sqlite")
        var noEnv = env
        noEnv["KIEMKE_DB"] = nil
        #expect(DatabaseLocation.resolve(flag: nil, configured: "~/k.sqlite", environment: noEnv, isRoot: false) == "/home/lan/k.sqlite")
        #expect(DatabaseLocation.resolve(flag: nil, configured: nil, environment: noEnv, isRoot: false) == "/home/lan/.data/kiemke/kiemke.sqlite")
        noEnv["XDG_DATA_HOME"] = nil
        #expect(DatabaseLocation.resolve(flag: nil, configured: nil, environment: noEnv, isRoot: false) == "/home/lan/.local/share/kiemke/kiemke.sqlite")
        #expect(DatabaseLocation.resolve(flag: nil, configured: nil, environment: noEnv, isRoot: true) == "/var/lib/kiemke/kiemke.sqlite")
    }
}
