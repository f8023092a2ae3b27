import Foundation
import Inventory
import TestSupport
import KiemkeCore

/// A store with a fortnight of made-up but deterministic history, for the report's golden files.
///
/// Devices of every kind, some retired (before and during the period), marks with notes
/// (degraded, broken, a later broken run, one mark after "now"), observations every 15 minutes
/// recorded through `InventoryStore.record(_:policy:)` over nights, a weekend, a holiday and a
/// daemon gap, SNMP facts that raise every kind of attention item, and an internet link.
struct ReportHistoryFixture {
    static let hours = OfficeHours(holidays: ["2026-03-06"])
    static let policy = RecordingPolicy(downAfter: 2, interval: 900, hours: hours)
    static let office = "UBND xã Thử Nghiệm"
    static let readiness = ReadinessFacts(staff: 21, staffWithOfficialEmail: 19, digitalSignatures: 7,
                                          software: ["Hộ tịch", "Một cửa điện tử", "VNPT-iOffice"], onlineMeetingRoom: false)
    /// When the report is generated: a Tuesday, mid-morning.
    static let now = local("2026-03-10 12:00")

    let fixture: StoreFixture
    var store: InventoryStore { fixture.store }

    /// One timed change to the store other than a probe result.
    private struct Event {
        var time: Date
        var apply: (InventoryStore) throws -> Void
    }

    init() throws {
        fixture = try StoreFixture()
        let store = fixture.store
        let created = local("2026-02-20 08:00")
        let devices: [(Device, Condition)] = [
            (Device(name: "PC-01", kind: .computer, address: "10.0.0.11", location: "Văn phòng – Thống kê", createdAt: created), .good),
            (Device(name: "PC-02", kind: .computer, address: "10.0.0.12", location: "Kế toán", createdAt: created), .good),
            (Device(name: "PC-03", kind: .computer, address: "10.0.0.13", location: "Tư pháp, Hộ tịch", createdAt: created), .good),
            (Device(name: "PC-04", kind: .computer, address: "", location: "Chủ tịch", note: "máy xách tay", createdAt: created), .fair),
            (Device(name: "PC-05", kind: .computer, address: "10.0.0.15", location: "Quân sự", createdAt: created), .good),
            (Device(name: "PC-06", kind: .computer, address: "10.0.0.16", createdAt: created), .good),
            (Device(name: "SCAN-01", kind: .scanner, address: "", location: "Một cửa", createdAt: created), .good),
            (Device(name: "SCAN-02", kind: .scanner, address: "10.0.0.21", createdAt: created), .good),
            (Device(name: "PHOTO-01", kind: .copier, address: "10.0.0.31", location: "Bộ phận một cửa", createdAt: created), .good),
            (Device(name: "PHOTO-02", kind: .copier, address: "10.0.0.32", location: "Văn phòng", createdAt: created), .good),
            (Device(name: "PRN-01", kind: .printer, address: "10.0.0.41", location: "Kế toán", createdAt: created), .good),
            (Device(name: "CAM-01", kind: .camera, address: "10.0.0.51", location: "Cổng", createdAt: created), .good),
            (Device(name: "CAM-02", kind: .camera, address: "10.0.0.52", location: "Sân sau", createdAt: created), .fair),
            (Device(name: "CAM-03", kind: .camera, address: "10.0.0.53", location: "Hội trường", createdAt: created), .good),
            (Device(name: "SW-01", kind: .network, address: "10.0.0.1", location: "Phòng máy chủ", createdAt: created), .good),
            (Device(name: "UPS-01", kind: .other, address: "10.0.0.61", location: "Phòng máy chủ", createdAt: created), .good),
        ]
        for (device, condition) in devices { try store.add(device, condition: condition, by: "Lan") }
        try store.syncInternetLinks(["203.113.131.1", "8.8.8.8"], at: created)

        var events: [Event] = [
            Event(time: local("2026-02-25 10:00")) { try $0.retire(named: "PC-06", at: local("2026-02-25 10:00")) },
            Event(time: local("2026-02-27 09:00")) {
                try $0.mark(named: "PHOTO-02", condition: .degraded, note: "kẹt giấy thường xuyên", by: "Lan", at: local("2026-02-27 09:00"))
            },
            Event(time: local("2026-03-02 10:00")) {
                try $0.mark(named: "SCAN-02", condition: .degraded, note: "đèn quét mờ", by: "Hùng", at: local("2026-03-02 10:00"))
            },
            Event(time: local("2026-03-03 09:15")) {
                try $0.mark(named: "PHOTO-02", condition: .broken, note: "hỏng trống", by: "Lan", at: local("2026-03-03 09:15"))
            },
            Event(time: local("2026-03-04 12:00")) { try $0.retire(named: "CAM-03", at: local("2026-03-04 12:00")) },
            Event(time: local("2026-03-05 14:00")) {
                try $0.mark(named: "PHOTO-02", condition: .broken, note: "chờ thay trống", by: "Hùng", at: local("2026-03-05 14:00"))
            },
            Event(time: local("2026-03-09 17:30")) { try $0.retire(named: "PC-05", at: local("2026-03-09 17:30")) },
            // After "now": no report as of now may count it.
            Event(time: local("2026-03-20 08:00")) {
                try $0.mark(named: "PC-01", condition: .broken, note: "hỏng nguồn", by: "Lan", at: local("2026-03-20 08:00"))
            },
        ]

        var all = try store.devices(includeRetired: true, includeInternetLinks: true)
        let start = local("2026-02-27 08:00")
        let gap = DateInterval(start: local("2026-03-04 20:00"), end: local("2026-03-05 06:30"))
        var t = start
        while t <= Self.now {
            while let event = events.first, event.time <= t {
                try event.apply(store)
                events.removeFirst()
                // A retired device is no longer probed.
                all = try store.devices(includeRetired: true, includeInternetLinks: true)
            }
            if !gap.contains(t) {
                let batch = all.compactMap { Self.observation(of: $0, at: t) }
                try store.record(batch, policy: Self.policy)
            }
            t += 900
        }
        for event in events { try event.apply(store) }
    }

    /// What a probe of `device` at `t` found, or nil when the daemon would not probe it.
    static func observation(of device: Device, at t: Date) -> Observation? {
        guard !device.address.isEmpty, device.retiredAt.map({ t < $0 }) ?? true, t >= device.createdAt else { return nil }
        let open = hours.isOpen(at: t)
        let clock = hours.calendar.dateComponents([.hour, .minute], from: t)
        let minutes = (clock.hour ?? 0) * 60 + (clock.minute ?? 0)
        func between(_ a: String, _ b: String) -> Bool { t >= local(a) && t < local(b) }
        let up: Bool
        var facts: DeviceFacts?
        switch device.name {
        case "PC-01", "PC-05", "PC-06": up = open
        case "PC-02":
            up = open && !between("2026-03-03 10:00", "2026-03-03 11:30")
            facts = DeviceFacts(address: device.address, classification: classification(.computer), storage: [
                StorageArea(name: "C:\\", type: "fixed_disk", isDisk: true, sizeBytes: 256_000_000_000, usedBytes: 243_968_000_000, usedPct: 95.3),
                StorageArea(name: "/media/disk 2", type: "fixed_disk", isDisk: true, sizeBytes: 1_000_000_000_000, usedBytes: 970_000_000_000, usedPct: 97.0),
                StorageArea(name: "Physical Memory", type: "ram", isDisk: false, sizeBytes: 8_000_000_000, usedBytes: 7_920_000_000, usedPct: 99.0),
            ])
        case "PC-03": up = open && minutes >= 8 * 60   // switched on late every morning
        case "PHOTO-01":
            up = true
            facts = DeviceFacts(address: device.address, classification: classification(.copier),
                                conditions: ["low toner", "service requested"], supplies: [
                PrinterSupply(name: "Toner (Black)", type: "toner", color: "black", levelPct: 5, levelState: nil, level: 5, maxCapacity: 100),
                PrinterSupply(name: "Waste Toner Box", type: "waste_toner", color: nil, levelPct: 2, levelState: nil, level: 2, maxCapacity: 100),
                PrinterSupply(name: "Drum Unit", type: "drum", color: nil, levelPct: 60, levelState: nil, level: 60, maxCapacity: 100),
            ])
        case "PHOTO-02":
            up = t < local("2026-03-03 09:00")
            facts = DeviceFacts(address: device.address, classification: classification(.copier), conditions: ["jammed"])
        case "PRN-01":
            up = !between("2026-03-09 14:00", "2026-03-09 15:00")
            facts = DeviceFacts(address: device.address, classification: classification(.printer),
                                conditions: ["jammed", "low paper", "door open", "offline"], supplies: [
                PrinterSupply(name: "Black Cartridge HP 83A", type: "toner", color: "black", levelPct: 8, levelState: nil, level: 8, maxCapacity: 100),
                PrinterSupply(name: "Drum unit (offline spare)", type: "drum", color: nil, levelPct: 4, levelState: nil, level: 4, maxCapacity: 100),
                PrinterSupply(name: "Fuser", type: "fuser", color: nil, levelPct: nil, levelState: "some remaining", level: -3, maxCapacity: 100),
            ], storage: [StorageArea(name: "Flash", type: "flash", isDisk: true, sizeBytes: 64_000_000, usedBytes: 64_000_000, usedPct: 100)])
        case "CAM-01": up = t != local("2026-03-07 02:00")   // one lost probe: noise
        case "CAM-02": up = t < local("2026-03-08 03:00")
        case "Internet (203.113.131.1)": up = !between("2026-03-07 20:00", "2026-03-07 22:00")
        default: up = true
        }
        // Facts are read once a day, at nine, when the device answers.
        let withFacts = up && minutes == 9 * 60 ? facts : nil
        return Observation(deviceId: device.id!, time: t, up: up, answeredBy: up ? (device.kind == .computer ? "tcp:445" : "icmp,snmp") : "",
                           rttMs: up ? 0.4 : nil, error: up ? nil : "timeout",
                           facts: withFacts)
    }

    private static func classification(_ kind: DeviceKind) -> Classification {
        Classification(kind: kind, vendor: nil, model: nil, confidence: 0.9, reason: "test")
    }
}
