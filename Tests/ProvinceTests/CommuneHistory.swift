import Foundation
import Inventory
import KiemkeCore
import TestSupport

/// A commune's store with some days of deterministic history recorded through the store's own
/// write path: devices of every kind, marks (one broken mark back-dated), a retired device, an
/// internet link, outages, and facts that raise attention items.
struct CommuneHistory {
    static let hours = OfficeHours(holidays: ["2026-11-20"])
    static let policy = RecordingPolicy(downAfter: 2, interval: 900, hours: hours)
    static let readiness = ReadinessFacts(staff: 12, staffWithOfficialEmail: 10, digitalSignatures: 3, software: ["Một cửa điện tử"])
    /// When reports are made: a Friday, mid-morning.
    static let now = local("2026-11-27 10:00")
    static let period = "2026-H2"

    let folder = TemporaryDirectory()
    let store: InventoryStore
    let office: String
    var path: String { folder.path("kiemke.sqlite") }

    /// `seed` varies the devices and outages so three communes differ.
    init(office: String, seed: Int, days: Int = 5) throws {
        self.office = office
        store = try InventoryStore(path: folder.path("kiemke.sqlite"), timeZone: Self.hours.calendar.timeZone)
        let created = local("2026-11-01 08:00")
        var devices: [(Device, Condition)] = []
        for i in 0..<(3 + seed) {
            devices.append((Device(name: "PC-\(i)", kind: .computer, address: "10.\(seed).0.\(10 + i)", location: "Phòng \(i)", createdAt: created), .good))
        }
        devices += [
            (Device(name: "Máy in Kế toán", kind: .printer, address: "10.\(seed).0.41", location: "Kế toán", createdAt: created), .good),
            (Device(name: "SCAN-01", kind: .scanner, address: "", location: "Một cửa", createdAt: created), .good),
            (Device(name: "PHOTO-01", kind: .copier, address: "10.\(seed).0.31", createdAt: created), .good),
            (Device(name: "CAM-01", kind: .camera, address: "10.\(seed).0.51", location: "Cổng", createdAt: created), .fair),
            (Device(name: "CAM-02", kind: .camera, address: "10.\(seed).0.52", createdAt: created), .good),
            (Device(name: "SW-01", kind: .network, address: "10.\(seed).0.1", createdAt: created), .good),
        ]
        for (device, condition) in devices { try store.add(device, condition: condition, by: "Lan", now: created) }
        try store.syncInternetLinks(["203.113.131.\(seed)"], at: created)
        let start = Self.now.addingTimeInterval(-Double(days) * 86_400)
        try store.mark(named: "PHOTO-01", condition: .degraded, note: "kẹt giấy", by: "Lan", at: start.addingTimeInterval(3_600))
        var t = start
        var retired = false
        var markedBroken = false
        while t < Self.now {
            if !retired && t >= start.addingTimeInterval(2 * 86_400) {
                _ = try store.retire(named: "CAM-02", at: t)
                retired = true
            }
            if !markedBroken && t >= start.addingTimeInterval(3 * 86_400) {
                // Dated a day back: the report moves that day's time to broken.
                try store.mark(named: "PC-0", condition: .broken, note: "hỏng nguồn", by: "Hùng", at: t.addingTimeInterval(-86_400))
                markedBroken = true
            }
            let all = try store.devices(includeRetired: false, includeInternetLinks: true)
            let batch = all.compactMap { Self.observation(of: $0, at: t, seed: seed) }
            try store.record(batch, policy: Self.policy)
            t += 900
        }
    }

    static func observation(of device: Device, at t: Date, seed: Int) -> Observation? {
        guard !device.address.isEmpty, let id = device.id else { return nil }
        let open = hours.isOpen(at: t)
        let slot = Int(t.timeIntervalSince1970 / 900)
        let up: Bool
        var facts: DeviceFacts?
        switch device.kind {
        case .computer: up = open && (slot + seed + Int(id)) % 17 != 0
        case .printer:
            up = slot % 29 != seed
            facts = DeviceFacts(address: device.address, classification: Classification(kind: .printer, vendor: nil, model: nil, confidence: 0.9, reason: "test"),
                                conditions: ["low paper"], supplies: [
                PrinterSupply(name: "Black Cartridge", type: "toner", color: "black", levelPct: 7, levelState: nil, level: 7, maxCapacity: 100),
            ])
        case .camera: up = (slot / 8 + seed) % 11 != 0
        default: up = true
        }
        let clock = hours.calendar.dateComponents([.hour, .minute], from: t)
        let withFacts = up && clock.hour == 9 && clock.minute == 0 ? facts : nil
        return Observation(deviceId: id, time: t, up: up, answeredBy: up ? "icmp" : "", rttMs: up ? 0.5 : nil,
                           error: up ? nil : "timeout", facts: withFacts)
    }

    /// The commune's own JSON report, as `kiemke report --format json` prints it.
    func localJSON(now: Date = CommuneHistory.now) throws -> String {
        let period = try ReportPeriod(parsing: Self.period)
        return try DigitalGovernmentReport(store: store, period: period, hours: Self.hours, office: office,
                                           readiness: Self.readiness, now: now).json()
    }

    func localReport(now: Date = CommuneHistory.now) throws -> DigitalGovernmentReport {
        try DigitalGovernmentReport(store: store, period: try ReportPeriod(parsing: Self.period), hours: Self.hours,
                                    office: office, readiness: Self.readiness, now: now)
    }
}

/// A time in the office's zone, "2026-11-27 10:00".
func local(_ text: String) -> Date {
    var calendar = CommuneHistory.hours.calendar
    calendar.locale = Locale(identifier: "en_US_POSIX")
    let parts = text.split(whereSeparator: { $0 == "-" || $0 == " " || $0 == ":" }).compactMap { Int($0) }
    return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4]))!
}
