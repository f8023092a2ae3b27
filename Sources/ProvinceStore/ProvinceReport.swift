import Foundation
import Inventory
import KiemkeCore

/// The province's section: each commune's figures, computed by the same report code the commune
/// runs, from the central copy; totals that are the sums of the communes' figures; and which
/// communes have not synced for longer than `staleAfter`.
public struct ProvinceReport: Sendable {
    /// One commune's line.
    public struct Office: Sendable {
        public var code: String
        public var name: String
        public var lastSync: Date?
        /// Its report; nil before its first round (no hours, no data).
        public var report: DigitalGovernmentReport?
        /// Whether it has not synced for more than `staleAfter` (or never).
        public var stale: Bool

        public var kinds: [DigitalGovernmentReport.KindSummary] { report?.kinds ?? [] }
        public func count(_ kind: DeviceKind) -> Int { kinds.first { $0.kind == kind }?.total ?? 0 }
        public func conditionCount(_ condition: Condition) -> Int { kinds.reduce(0) { $0 + ($1.conditions[condition] ?? 0) } }
        /// Up time over observed, not-broken time of all its networked devices.
        public var availability: Ratio { Ratio(availability: kinds.reduce(AvailabilityTotals()) { $0 + $1.time }) }
        /// Share of the period's working time its data covers.
        public var coverage: Ratio? { report?.coverageRatio }
    }

    public var period: ReportPeriod
    public var generatedAt: Date
    public var staleAfter: TimeInterval
    public var offices: [Office]
    /// Each kind's figures summed over the communes.
    public var totals: [DigitalGovernmentReport.KindSummary]

    /// Reads every office from the central copy and computes its figures for `period` at `now`.
    public static func make(on connection: ProvinceConnection, period: ReportPeriod, now: Date,
                            staleAfter: TimeInterval) async throws -> ProvinceReport {
        let rows = try await CentralReader.offices(on: connection)
        // Each office's span in its own calendar; one read of every office's data covers them all.
        var ranges: [String: Range<Int>] = [:]
        for row in rows {
            guard let hours = row.profile?.hours else { continue }
            let span = (try? period.span(now: now, calendar: hours.calendar)) ?? period.interval(in: hours.calendar)
            let firstHour = Int((span.start.timeIntervalSince1970 / 3600).rounded(.down))
            let endHour = Int((span.end.timeIntervalSince1970 / 3600).rounded(.up))
            ranges[row.code] = firstHour..<max(firstHour, endHour)
        }
        let lower = ranges.values.map(\.lowerBound).min() ?? 0
        let upper = ranges.values.map(\.upperBound).max() ?? lower
        let copies = ranges.isEmpty ? [:] : try await CentralReader.summaries(from: period.from, to: period.to,
                                                                              hourRange: lower..<upper, on: connection)
        // Each office's report is computed on its own (the coverage's hour-by-hour calendar work is
        // most of the Swift side when profiled), spread over the cores; kept in the offices' order.
        var reports: [String: DigitalGovernmentReport] = [:]
        try await withThrowingTaskGroup(of: (String, DigitalGovernmentReport).self) { group in
            for row in rows {
                guard let profile = row.profile, ranges[row.code] != nil else { continue }
                // Hours outside the office's own span are left out by `reportSnapshot`.
                let copy = copies[row.code] ?? CentralCopy()
                group.addTask {
                    (row.code, DigitalGovernmentReport(snapshot: copy.reportSnapshot(period: period, hours: profile.hours, now: now),
                                                       hours: profile.hours, office: profile.reportName,
                                                       readiness: profile.readiness, now: now))
                }
            }
            for try await (code, report) in group { reports[code] = report }
        }
        let offices = rows.map { row in
            Office(code: row.code, name: row.name, lastSync: row.lastSync, report: reports[row.code],
                   stale: row.lastSync.map { now.timeIntervalSince($0) > staleAfter } ?? true)
        }
        return ProvinceReport(period: period, generatedAt: now, staleAfter: staleAfter, offices: offices,
                              totals: sum(offices.map(\.kinds)))
    }

    /// One commune's own report from the central copy: what it prints locally for the same period.
    public static func office(_ code: String, on connection: ProvinceConnection, period: ReportPeriod,
                              now: Date) async throws -> DigitalGovernmentReport {
        guard let row = try await CentralReader.offices(on: connection).first(where: { $0.code == code }) else {
            throw ProvinceError.unknownOffice(code)
        }
        guard let profile = row.profile else {
            throw ProvinceError.refused(what: "the report of office \(code)", message: "it has never synced")
        }
        let copy = try await CentralReader.copy(office: code, on: connection)
        let hours = profile.hours
        return DigitalGovernmentReport(snapshot: copy.reportSnapshot(period: period, hours: hours, now: now), hours: hours,
                                       office: profile.reportName, readiness: profile.readiness, now: now)
    }

    /// Kind by kind, the sum of every field (the shares follow from the summed numerators and denominators).
    public static func sum(_ lists: [[DigitalGovernmentReport.KindSummary]]) -> [DigitalGovernmentReport.KindSummary] {
        var byKind: [DeviceKind: DigitalGovernmentReport.KindSummary] = [:]
        for summary in lists.joined() {
            guard var total = byKind[summary.kind] else { byKind[summary.kind] = summary; continue }
            total.total += summary.total
            total.conditions.merge(summary.conditions, uniquingKeysWith: +)
            total.unmarked += summary.unmarked
            total.networked += summary.networked
            total.reachable += summary.reachable
            total.measured += summary.measured
            total.publicService += summary.publicService
            total.time = total.time + summary.time
            total.expectedSeconds += summary.expectedSeconds
            byKind[summary.kind] = total
        }
        return byKind.values.sorted { $0.kind < $1.kind }
    }
}
