import Foundation
import KiemkeCore

/// The figures of section 6 of the half-year report, computed from the store for one period.
///
/// Every figure is counted or computed here, never typed: counts by kind and condition as
/// staff marked them at the period's end, reachability from the latest probe, availability
/// from the daily rollups (up time over scheduled, observed, not-broken time).
public struct DigitalGovernmentReport: Sendable {
    /// One kind's figures.
    public struct KindSummary: Sendable, Equatable {
        public var kind: DeviceKind
        public var total: Int
        public var conditions: [Condition: Int]
        /// Devices with a network address: the denominator of reachability.
        public var networked: Int
        /// Networked devices whose latest probe got an answer.
        public var reachable: Int
        /// Networked devices probed at least once.
        public var probed: Int
        public var time: AvailabilityTotals
        /// Seconds the networked devices were in the inventory during the period (up to now).
        public var expectedSeconds: Double

        /// Networked devices that answered their latest probe, out of networked devices; nil before any probe.
        public var reachableRatio: Ratio? { networked > 0 && probed > 0 ? Ratio(count: reachable, of: networked) : nil }
        /// Up time over scheduled, observed, not-broken time.
        public var availabilityRatio: Ratio { Ratio(availability: time) }
        /// Observed seconds out of the seconds these devices were in the inventory.
        public var coverageRatio: Ratio {
            Ratio(numerator: time.observed, denominator: expectedSeconds,
                  percent: expectedSeconds > 0 ? min(100, time.observed * 100 / expectedSeconds) : nil)
        }

        public var reachablePercent: Double? { reachableRatio?.percent }
        public var availabilityPercent: Double? { availabilityRatio.percent }
        /// Share of the period the daemon observed these devices.
        public var coveragePercent: Double? { coverageRatio.percent }
        public var unknownSeconds: Double { max(0, expectedSeconds - time.observed) }
    }

    /// The office's internet link: its targets' time together.
    public struct InternetLink: Sendable, Equatable {
        public var targets: [String]
        public var time: AvailabilityTotals
        public var expectedSeconds: Double

        public var availabilityRatio: Ratio { Ratio(availability: time) }
        public var availabilityPercent: Double? { availabilityRatio.percent }
    }

    /// A device staff marked broken or degraded.
    public struct EquipmentIssue: Sendable, Equatable {
        public var name: String
        public var kind: DeviceKind
        public var location: String
        public var condition: Condition
        /// When it was first marked so, in its latest run of that condition.
        public var since: Date
        public var note: String
    }

    /// One device's line in the CSV form.
    public struct DeviceLine: Sendable, Equatable {
        public var device: Device
        public var condition: Condition?
        public var conditionSince: Date?
        public var state: DeviceState?
        public var time: AvailabilityTotals
        public var expectedSeconds: Double
    }

    public var office: String
    public var period: ReportPeriod
    public var generatedAt: Date
    public var kinds: [KindSummary]
    public var equipment: [EquipmentIssue]
    public var attention: [AttentionItem]
    public var readiness: ReadinessFacts
    public var devices: [DeviceLine]
    /// The internet link, measured through the config's `report.internet_targets`; nil when none are set.
    public var internet: InternetLink?
    /// The office's calendar: its time zone decides where days begin.
    public var calendar: Calendar

    /// Seconds the daemon observed over seconds it could have, all networked devices together.
    public var coverageRatio: Ratio {
        let expected = kinds.reduce(0) { $0 + $1.expectedSeconds }
        let observed = kinds.reduce(0) { $0 + min($1.time.observed, $1.expectedSeconds) }
        return Ratio(numerator: observed, denominator: expected, percent: expected > 0 ? observed * 100 / expected : nil)
    }

    public var coveragePercent: Double? { coverageRatio.percent }

    /// Computes the report for `period` from `store`.
    public init(store: InventoryStore, period: ReportPeriod, hours: OfficeHours, office: String,
                readiness: ReadinessFacts = ReadinessFacts(), attentionRules: AttentionRules = AttentionRules(),
                now: Date = Date()) throws {
        self.init(snapshot: try store.reportSnapshot(period: period), calendar: hours.calendar, office: office,
                  readiness: readiness, attentionRules: attentionRules, now: now)
    }

    /// Computes the report from what the store held: no database, the same figures for the same snapshot.
    public init(snapshot: ReportSnapshot, calendar: Calendar, office: String, readiness: ReadinessFacts = ReadinessFacts(),
                attentionRules: AttentionRules = AttentionRules(), now: Date) {
        let period = snapshot.period
        self.office = office
        self.period = period
        self.generatedAt = now
        self.readiness = readiness
        self.calendar = calendar
        let span = period.interval(in: calendar)
        let end = min(span.end, now)
        let stateById = Dictionary(snapshot.states.map { ($0.deviceId, $0) }, uniquingKeysWith: { first, _ in first })
        let marksById = Dictionary(grouping: snapshot.marks, by: \.deviceId)
        let active = snapshot.devices.filter { $0.id != nil && $0.isActive(during: span) && $0.createdAt <= end }
            .sorted { ($0.kind, $0.nameKey) < ($1.kind, $1.nameKey) }

        var lines: [DeviceLine] = []
        var notes: [Int64: String] = [:]
        for device in active {
            guard let id = device.id else { continue }
            // The condition as staff had marked it at the end of the period.
            let marks = (marksById[id] ?? []).filter { $0.markedAt <= end }
            let condition = marks.last?.condition
            var since = marks.last?.markedAt
            for mark in marks.reversed() where mark.condition == condition { since = mark.markedAt }
            notes[id] = marks.last?.note
            let lifeStart = max(span.start, device.createdAt)
            let lifeEnd = min(end, device.retiredAt ?? end)
            let expected = device.address.isEmpty ? 0 : max(0, lifeEnd.timeIntervalSince(lifeStart))
            lines.append(DeviceLine(device: device, condition: condition, conditionSince: since,
                                    state: stateById[id], time: snapshot.totals[id] ?? AvailabilityTotals(),
                                    expectedSeconds: expected))
        }
        let links = lines.filter { $0.device.role == .internetLink }
        lines.removeAll { $0.device.role == .internetLink }
        devices = lines
        internet = links.isEmpty ? nil : InternetLink(
            targets: links.map(\.device.address),
            time: links.reduce(AvailabilityTotals()) { $0 + $1.time },
            expectedSeconds: links.reduce(0) { $0 + $1.expectedSeconds })

        kinds = Dictionary(grouping: lines, by: \.device.kind).map { kind, lines in
            let networked = lines.filter { !$0.device.address.isEmpty }
            return KindSummary(
                kind: kind, total: lines.count,
                conditions: Dictionary(grouping: lines.compactMap(\.condition), by: { $0 }).mapValues(\.count),
                networked: networked.count,
                reachable: networked.filter { $0.state?.lastUp == true }.count,
                probed: networked.filter { $0.state != nil }.count,
                time: networked.reduce(AvailabilityTotals()) { $0 + $1.time },
                expectedSeconds: networked.reduce(0) { $0 + $1.expectedSeconds })
        }.sorted { $0.kind < $1.kind }

        equipment = lines.compactMap { line in
            guard let condition = line.condition, condition == .broken || condition == .degraded else { return nil }
            return EquipmentIssue(name: line.device.name, kind: line.device.kind, location: line.device.location,
                                  condition: condition, since: line.conditionSince ?? line.device.createdAt,
                                  note: line.device.id.flatMap { notes[$0] } ?? "")
        }.sorted { ($0.condition == .broken ? 0 : 1, $0.since) < ($1.condition == .broken ? 0 : 1, $1.since) }

        attention = lines.flatMap { attentionRules.items(for: $0.device, condition: $0.condition, state: $0.state, now: now) }
    }
}
