import Foundation
import Inventory
import KiemkeCore
import Testing

@Suite("A broken mark dated in the past takes its time out of availability")
struct BackDatedBrokenTimeTests {
    /// An always-on camera silent for two hours, then answering for two; returns its period totals.
    static func camera(markBrokenAt: Date?, repairedAt: Date? = nil) throws -> AvailabilityTotals {
        let fixture = try StoreFixture()
        let store = fixture.store
        let device = try store.add(Device(name: "CAM-01", kind: .camera, address: "127.0.0.1",
                                          createdAt: local("2026-11-01 00:00")), by: "t")
        let policy = RecordingPolicy(downAfter: 1, interval: 60, hours: OfficeHours())
        let start = local("2026-11-02 08:00")
        let observations = (0...240).map { minute in
            let up = minute >= 120
            return Observation(deviceId: device.id!, time: start + Double(minute) * 60, up: up,
                               answeredBy: up ? "icmp" : "", rttMs: up ? 0.3 : nil, error: up ? nil : "timeout")
        }
        try store.record(observations, policy: policy)
        // Marked later, dated back: entered after every result above was recorded.
        if let markBrokenAt {
            try store.mark(named: "CAM-01", condition: .broken, by: "t", at: markBrokenAt, now: local("2026-11-03 09:00"))
        }
        if let repairedAt {
            try store.mark(named: "CAM-01", condition: .good, by: "t", at: repairedAt, now: local("2026-11-03 09:05"))
        }
        let period = try ReportPeriod(fromDay: "2026-11-01", toDay: "2026-11-30")
        let snapshot = try store.reportSnapshot(period: period, hours: policy.hours, now: local("2026-11-03 10:00"))
        return try #require(snapshot.totals[device.id!])
    }

    @Test("without a mark the silence is down time")
    func unmarked() throws {
        let totals = try Self.camera(markBrokenAt: nil)
        // The first answer settles the minute before it as up (the state machine's rule).
        #expect(totals.down == 7_140)
        #expect(totals.up == 7_260)
        #expect(totals.broken == 0)
    }

    @Test("marked broken from the first silence, repaired when it answered: the outage is broken time, the rest stays up")
    func brokenThenRepaired() throws {
        let totals = try Self.camera(markBrokenAt: local("2026-11-02 08:00"), repairedAt: local("2026-11-02 10:00"))
        #expect(totals.down == 0)
        #expect(totals.up == 7_200)
        #expect(totals.broken == 7_200)
        #expect(totals.availability == 1)
    }

    @Test("a mark inside an hour moves only that share of the hour")
    func partHour() throws {
        let totals = try Self.camera(markBrokenAt: local("2026-11-02 09:30"), repairedAt: local("2026-11-02 10:00"))
        // Hour 09:00 held 3,540 s down and 60 s up; half of each moves.
        #expect(totals.down == 7_140 - 1_770)
        #expect(totals.broken == 1_800)
        #expect(totals.up == 7_260 - 30)
    }
}
