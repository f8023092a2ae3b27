import Foundation
import Inventory
import Testing
import TestSupport
import KiemkeCore

/// Builds dates in the office's time zone (UTC+7) from "2026-11-30 08:00".
func local(_ text: String) -> Date {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
    return formatter.date(from: text.count == 16 ? text + ":00" : text)!
}

/// A store with one device, fed probe results one minute apart.
struct RecordingFixture {
    let fixture: StoreFixture
    let device: Device
    let policy: RecordingPolicy

    init(kind: DeviceKind, downAfter: Int = 2) throws {
        fixture = try StoreFixture()
        device = try fixture.store.add(Device(name: "D", kind: kind, address: "127.0.0.1", createdAt: local("2026-11-01 00:00")), by: "t")
        policy = RecordingPolicy(downAfter: downAfter, interval: 60, hours: OfficeHours(holidays: ["2026-12-01"]))
    }

    /// Records results: true = answered, false = silent, one per minute from `start`.
    @discardableResult
    func feed(_ results: [Bool], from start: Date, step: TimeInterval = 60) throws -> [RecordSummary] {
        try results.enumerated().map { i, up in
            let observation = Observation(deviceId: device.id!, time: start + Double(i) * step, up: up,
                                          answeredBy: up ? "icmp" : "", rttMs: up ? 0.3 : nil, error: up ? nil : "timeout")
            return try fixture.store.record([observation], policy: policy)
        }
    }

    var state: DeviceState { get throws { try fixture.store.deviceStates()[device.id!]! } }

    func totals(_ day: String) throws -> AvailabilityTotals {
        try fixture.store.availability(fromDay: day, toDay: day)[device.id!] ?? AvailabilityTotals()
    }

    var changes: [StateChange] {
        get throws {
            try fixture.store.history(named: "D").1.compactMap {
                if case .state(let change) = $0 { return change } else { return nil }
            }.reversed()
        }
    }
}

@Suite("Recording probe results: states and state changes")
struct RecordingStateTests {
    @Test("one lost probe between answers is noise: the device never goes down and stays 100% available")
    func singleLoss() throws {
        let r = try RecordingFixture(kind: .camera)
        try r.feed([true, true, false, true, true], from: local("2026-11-30 10:00"))
        #expect(try r.state.state == .up)
        #expect(try r.changes.map(\.to) == [.up])
        let totals = try r.totals("2026-11-30")
        #expect(totals.up == 240)
        #expect(totals.down == 0)
        #expect(totals.availability == 1)
    }

    @Test("down after N failures in a row, back-dated to the first, and up again after one answer")
    func downAndBack() throws {
        let r = try RecordingFixture(kind: .camera, downAfter: 2)
        let start = local("2026-11-30 10:00")
        try r.feed([true, false, false, false, true], from: start)
        let changes = try r.changes
        #expect(changes.map(\.to) == [.up, .down, .up])
        #expect(changes[1].time == start + 60, "back-dated to the first failure")
        #expect(changes[1].reason.contains("no answer to 2 probes"))
        #expect(changes[2].time == start + 240)
        let totals = try r.totals("2026-11-30")
        #expect(totals.up == 60 && totals.down == 180)
        #expect(try r.state.since == start + 240)
    }

    @Test("a device silent from its first probe is unknown until down_after probes have failed, then down since the first")
    func silentFromTheStart() throws {
        let r = try RecordingFixture(kind: .camera, downAfter: 3)
        let start = local("2026-11-30 10:00")
        try r.feed([false, false], from: start)
        #expect(try r.state.state == .unknown)
        try r.feed([false], from: start + 120)
        #expect(try r.state.state == .down)
        #expect(try r.state.since == start)
        #expect(try r.changes.map(\.to) == [.unknown, .down])
    }

    @Test("a computer silent outside office hours is off, not down, and that time counts in no availability")
    func officeHours() throws {
        let r = try RecordingFixture(kind: .computer)
        // Monday 16:58 to 17:03: up until closing, then switched off.
        try r.feed([true, true, true, false, false, false], from: local("2026-11-30 16:58"))
        #expect(try r.state.state == .off)
        #expect(try r.changes.map(\.to) == [.up, .off])
        let totals = try r.totals("2026-11-30")
        #expect(totals.up == 120)
        #expect(totals.down == 0)
        #expect(totals.off == 180)
        // A camera, which runs always, silent at night is down.
        let camera = try RecordingFixture(kind: .camera)
        try camera.feed([true, false, false], from: local("2026-11-30 23:00"))
        #expect(try camera.state.state == .down)
    }

    @Test("a computer silent during office hours goes down; a holiday or a Sunday is off")
    func inHours() throws {
        let r = try RecordingFixture(kind: .computer)
        try r.feed([true, false, false], from: local("2026-11-30 09:00"))
        #expect(try r.state.state == .down)
        let holiday = try RecordingFixture(kind: .computer)
        try holiday.feed([true, false, false], from: local("2026-12-01 09:00"))
        #expect(try holiday.state.state == .off)
        let sunday = try RecordingFixture(kind: .computer)
        try sunday.feed([true, false, false], from: local("2026-11-29 09:00"))
        #expect(try sunday.state.state == .off)
    }

    @Test("a gap longer than three intervals and two minutes (daemon stopped) is unknown time, not up or down")
    func gap() throws {
        let r = try RecordingFixture(kind: .camera)
        try r.feed([true, true], from: local("2026-11-30 10:00"), step: 3600)
        let totals = try r.totals("2026-11-30")
        #expect(totals.up == 60, "only one interval before the probe after the gap is credited")
        #expect(totals.observed == 60)
    }

    @Test("time while staff mark a device broken is left out of availability and reported apart")
    func markedBroken() throws {
        let r = try RecordingFixture(kind: .camera)
        try r.feed([true, true], from: local("2026-11-30 10:00"))
        try r.fixture.store.mark(named: "D", condition: .broken, by: "t")
        try r.feed([false, false, false], from: local("2026-11-30 10:02"))
        let totals = try r.totals("2026-11-30")
        #expect(totals.up == 60)
        #expect(totals.down == 0)
        #expect(totals.broken == 180)
    }

    @Test("credits split at hour and local-day boundaries")
    func boundaries() throws {
        let r = try RecordingFixture(kind: .camera)
        try r.feed([true, true], from: local("2026-11-30 23:59:30"), step: 60)
        #expect(try r.totals("2026-11-30").up == 30)
        #expect(try r.totals("2026-12-01").up == 30)
    }

    @Test("old raw observations are pruned while the rollups keep the report exact")
    func retention() throws {
        let r = try RecordingFixture(kind: .camera)
        try r.feed([true, true, true], from: local("2026-08-01 10:00"))
        let removed = try r.fixture.store.pruneObservations(olderThanDays: 90, now: local("2026-11-30 10:00"))
        #expect(removed == 3)
        #expect(try r.totals("2026-08-01").up == 120)
    }
}

@Suite("Office hours")
struct OfficeHoursTests {
    let hours = OfficeHours(holidays: ["2026-09-02"])

    @Test("scheduled seconds count only working days between opening and closing, in the office's time zone")
    func scheduledSeconds() {
        #expect(hours.scheduledSeconds(in: DateInterval(start: local("2026-11-30 07:00"), end: local("2026-11-30 08:00"))) == 1800)
        #expect(hours.scheduledSeconds(in: DateInterval(start: local("2026-11-28 00:00"), end: local("2026-11-30 00:00"))) == 0)
        #expect(hours.scheduledSeconds(in: DateInterval(start: local("2026-11-30 00:00"), end: local("2026-12-07 00:00"))) == 5 * 9.5 * 3600)
        #expect(hours.scheduledSeconds(in: DateInterval(start: local("2026-09-02 08:00"), end: local("2026-09-02 09:00"))) == 0)
    }

    @Test("kinds follow the schedule unless the device overrides it")
    func follows() {
        #expect(hours.follows(Device(name: "PC", kind: .computer, address: "")))
        #expect(!hours.follows(Device(name: "CAM", kind: .camera, address: "")))
        #expect(!hours.follows(Device(name: "SRV", kind: .computer, address: "", schedule: .always)))
        #expect(hours.follows(Device(name: "IN", kind: .printer, address: "", schedule: .office)))
    }
}
