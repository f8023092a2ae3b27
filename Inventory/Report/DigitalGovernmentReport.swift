import Foundation
import KiemkeCore

/// The figures of section 6 of the half-year report, computed from the store for one period.
///
/// Every figure is counted or computed here, never typed (README, "The report"):
/// - counts by kind and condition are the inventory at the end of the period (now, while it
///   runs): devices in service then, with the condition last marked on or before that moment;
/// - a networked device is connected when it answered at least once during the period;
/// - availability is up time over scheduled, observed, not-broken time of every device in
///   service during the period, retired ones included for their time in service;
/// - coverage is the share of the period's working time in which kiemke was measuring.
public struct DigitalGovernmentReport: Sendable {
    /// One kind's figures.
    public struct KindSummary: Sendable, Equatable {
        public var kind: DeviceKind
        /// Devices of the kind in service at the end of the period.
        public var total: Int
        public var conditions: [Condition: Int]
        /// Counted devices with no condition marked on or before the end of the period.
        public var unmarked: Int
        /// Counted devices with a network address: the denominator of "connected".
        public var networked: Int
        /// Networked devices that answered at least once during the period.
        public var reachable: Int
        /// Networked devices with any measurement during the period.
        public var measured: Int
        /// Counted computers set aside for citizens (config `readiness.public_service_computers`).
        public var publicService: Int
        /// Seconds of every device of the kind in service during the period.
        public var time: AvailabilityTotals
        /// Scheduled seconds the networked devices were in service during the period (office hours
        /// for those that follow them): what could have been measured.
        public var expectedSeconds: Double

        /// Connected devices over networked devices; nil when none of them was measured in the period.
        public var reachableRatio: Ratio? { networked > 0 && measured > 0 ? Ratio(count: reachable, of: networked) : nil }
        /// Up time over scheduled, observed, not-broken time.
        public var availabilityRatio: Ratio { Ratio(availability: time) }
        /// Scheduled seconds observed (up, down or broken) out of the scheduled seconds these devices were in service.
        public var coverageRatio: Ratio {
            let observed = min(time.up + time.down + time.broken, expectedSeconds)
            return Ratio(numerator: observed, denominator: expectedSeconds,
                         percent: expectedSeconds > 0 ? observed * 100 / expectedSeconds : nil)
        }

        public var reachablePercent: Double? { reachableRatio?.percent }
        public var availabilityPercent: Double? { availabilityRatio.percent }
        /// Share of the scheduled time the daemon observed these devices.
        public var coveragePercent: Double? { coverageRatio.percent }
        public var unknownSeconds: Double { max(0, expectedSeconds - (time.up + time.down + time.broken)) }
        /// Computers for the staff: all counted ones but those set aside for citizens.
        public var staffUse: Int { total - publicService }
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
        /// Whether it is counted at the end of the period (else it was retired during it).
        public var counted: Bool
        public var condition: Condition?
        public var conditionSince: Date?
        public var note: String
        public var state: DeviceState?
        public var answered: Bool
        public var measured: Bool
        public var time: AvailabilityTotals
        public var expectedSeconds: Double
    }

    /// When kiemke measured within the period, and what share of the period's working time that is.
    public struct Coverage: Sendable, Equatable {
        /// The first and last moment kiemke measured within the period; nil when it never did.
        public var measured: DateInterval?
        /// Working seconds of the period (to now while it runs) in which kiemke was measuring,
        /// over the period's working seconds (clock seconds when the period has no working time).
        public var ratio: Ratio
        /// Whether the denominator is office hours (true) or clock time (a period with no working day).
        public var officeHours: Bool
    }

    /// Something in the config that does not agree with the inventory.
    public enum ReadinessProblem: Sendable, Equatable {
        /// A name in `readiness.public_service_computers` that is no computer counted at the end of the period.
        case unknownPublicComputer(String)
        /// `readiness.computers_with_security_software` is more than the computers counted.
        case securityExceedsComputers(count: Int, computers: Int)
    }

    public var office: String
    public var period: ReportPeriod
    /// The instants the figures cover: the period, ending at `generatedAt` while it runs.
    public var span: DateInterval
    /// Whether the period was still running when the report was made.
    public var isRunning: Bool
    public var generatedAt: Date
    public var kinds: [KindSummary]
    public var equipment: [EquipmentIssue]
    public var attention: [AttentionItem]
    public var readiness: ReadinessFacts
    public var readinessProblems: [ReadinessProblem]
    public var devices: [DeviceLine]
    /// The internet link, measured through the config's `report.internet_targets`; nil when none are set.
    public var internet: InternetLink?
    public var coverage: Coverage
    /// Whether the store holds any equipment at all, in any period.
    public var inventoryEverHeld: Bool
    /// When the first piece of equipment entered the inventory, for "the period ends before any data".
    public var firstDeviceSince: Date?
    /// The office's working hours; their time zone decides where days begin.
    public var hours: OfficeHours
    public var calendar: Calendar { hours.calendar }

    /// Share of the period's working time kiemke measured (see `Coverage`).
    public var coverageRatio: Ratio { coverage.ratio }
    public var coveragePercent: Double? { coverage.ratio.percent }
    /// Whether any device was measured during the period.
    public var hasMeasurements: Bool { coverage.measured != nil || kinds.contains { $0.measured > 0 } }

    /// Computes the report for `period` from `store`.
    public init(store: InventoryStore, period: ReportPeriod, hours: OfficeHours, office: String,
                readiness: ReadinessFacts = ReadinessFacts(), attentionRules: AttentionRules = AttentionRules(),
                now: Date = Date()) throws {
        self.init(snapshot: try store.reportSnapshot(period: period, hours: hours, now: now), hours: hours, office: office,
                  readiness: readiness, attentionRules: attentionRules, now: now)
    }

    /// Computes the report from what the store held: no database, the same figures for the same snapshot.
    public init(snapshot: ReportSnapshot, hours: OfficeHours, office: String, readiness: ReadinessFacts = ReadinessFacts(),
                attentionRules: AttentionRules = AttentionRules(), now: Date) {
        let period = snapshot.period
        let calendar = hours.calendar
        self.office = office
        self.period = period
        self.generatedAt = now
        self.readiness = readiness
        self.hours = hours
        let whole = period.interval(in: calendar)
        // A period that has not started covers nothing (the command refuses it before this).
        let span = (try? period.span(now: now, calendar: calendar)) ?? DateInterval(start: whole.start, duration: 0)
        self.span = span
        isRunning = period.isRunning(at: now, calendar: calendar)
        let end = span.end

        let equipmentRows = snapshot.devices.filter { $0.id != nil && $0.role == .equipment }
        inventoryEverHeld = !equipmentRows.isEmpty
        firstDeviceSince = equipmentRows.map(\.createdAt).min()

        // In service at the end: added by then and not retired by then. A device retired and added
        // again under the same name is one device: the row still in service (the newest) counts.
        var countedByName: [String: Device] = [:]
        for device in snapshot.devices where device.id != nil && device.createdAt <= end && (device.retiredAt.map { $0 > end } ?? true) {
            if let other = countedByName[device.nameKey] {
                let rank = { (d: Device) in (d.retiredAt == nil ? 1 : 0, d.createdAt.timeIntervalSince1970) }
                let keep = rank(other) >= rank(device) ? other : device
                countedByName[device.nameKey] = keep
            } else {
                countedByName[device.nameKey] = device
            }
        }
        let countedIds = Set(countedByName.values.compactMap(\.id))
        // In service at some moment of the period: their time counts in availability.
        let inService = snapshot.devices.filter { $0.id != nil && (countedIds.contains($0.id ?? -1) || $0.isActive(during: span)) }
            .sorted { ($0.kind, $0.nameKey, $0.createdAt) < ($1.kind, $1.nameKey, $1.createdAt) }

        let stateById = Dictionary(snapshot.states.map { ($0.deviceId, $0) }, uniquingKeysWith: { first, _ in first })
        let marksById = Dictionary(grouping: snapshot.marks, by: \.deviceId)
        // Every interval asked about lies in the span: its days are worked out once.
        let workingDays = WorkingDays(hours: hours, covering: span)
        var scheduledCache: [DateInterval: Double] = [:]
        func scheduled(_ interval: DateInterval, follows: Bool) -> Double {
            guard follows else { return interval.duration }
            if let cached = scheduledCache[interval] { return cached }
            let seconds = workingDays.scheduledSeconds(in: interval)
            scheduledCache[interval] = seconds
            return seconds
        }

        var lines: [DeviceLine] = []
        for device in inService {
            guard let id = device.id else { continue }
            // The condition as staff had marked it at the end of the period.
            let marks = (marksById[id] ?? []).filter { $0.markedAt <= end }
            let condition = marks.last?.condition
            var since = marks.last?.markedAt
            for mark in marks.reversed() {
                guard mark.condition == condition else { break }
                since = mark.markedAt
            }
            let lifeStart = max(span.start, device.createdAt)
            let lifeEnd = min(end, device.retiredAt ?? end)
            let expected = device.address.isEmpty || lifeEnd <= lifeStart
                ? 0 : scheduled(DateInterval(start: lifeStart, end: lifeEnd), follows: hours.follows(device))
            lines.append(DeviceLine(device: device, counted: countedIds.contains(id), condition: condition, conditionSince: since,
                                    note: marks.last?.note ?? "", state: stateById[id],
                                    answered: snapshot.answered.contains(id), measured: snapshot.measured.contains(id),
                                    time: snapshot.totals[id] ?? AvailabilityTotals(), expectedSeconds: expected))
        }
        let links = lines.filter { $0.device.role == .internetLink }
        lines.removeAll { $0.device.role == .internetLink }
        internet = links.isEmpty ? nil : InternetLink(
            targets: links.filter(\.counted).map(\.device.address),
            time: links.reduce(AvailabilityTotals()) { $0 + $1.time },
            expectedSeconds: links.reduce(0) { $0 + $1.expectedSeconds })

        // A device retired and added again is one device: what its earlier row answered counts for it.
        let answeredNames = Set(lines.filter(\.answered).map(\.device.nameKey))
        let measuredNames = Set(lines.filter(\.measured).map(\.device.nameKey))
        for index in lines.indices where lines[index].counted {
            lines[index].answered = lines[index].answered || answeredNames.contains(lines[index].device.nameKey)
            lines[index].measured = lines[index].measured || measuredNames.contains(lines[index].device.nameKey)
        }
        devices = lines

        let publicKeys = Set(readiness.publicServiceComputers.map(NameKey.fold))
        kinds = Dictionary(grouping: lines, by: \.device.kind).map { kind, lines in
            let counted = lines.filter(\.counted)
            let networked = counted.filter { !$0.device.address.isEmpty }
            return KindSummary(
                kind: kind, total: counted.count,
                conditions: Dictionary(grouping: counted.compactMap(\.condition), by: { $0 }).mapValues(\.count),
                unmarked: counted.filter { $0.condition == nil }.count,
                networked: networked.count,
                reachable: networked.filter(\.answered).count,
                measured: networked.filter(\.measured).count,
                publicService: kind == .computer ? counted.filter { publicKeys.contains($0.device.nameKey) }.count : 0,
                time: lines.filter { !$0.device.address.isEmpty }.reduce(AvailabilityTotals()) { $0 + $1.time },
                expectedSeconds: lines.reduce(0) { $0 + $1.expectedSeconds })
        }.filter { $0.total > 0 || $0.time.observed > 0 }.sorted { $0.kind < $1.kind }

        var problems: [ReadinessProblem] = []
        let countedComputers = Set(lines.filter { $0.counted && $0.device.kind == .computer }.map(\.device.nameKey))
        for name in readiness.publicServiceComputers where !countedComputers.contains(NameKey.fold(name)) {
            problems.append(.unknownPublicComputer(name))
        }
        if let secured = readiness.computersWithSecuritySoftware, secured > countedComputers.count {
            problems.append(.securityExceedsComputers(count: secured, computers: countedComputers.count))
        }
        readinessProblems = problems

        equipment = lines.compactMap { line in
            guard line.counted, let condition = line.condition, condition == .broken || condition == .degraded else { return nil }
            return EquipmentIssue(name: line.device.name, kind: line.device.kind, location: line.device.location,
                                  condition: condition, since: line.conditionSince ?? line.device.createdAt, note: line.note)
        }.sorted { ($0.condition == .broken ? 0 : 1, $0.since) < ($1.condition == .broken ? 0 : 1, $1.since) }

        // What the probes suggest looking at is about the devices as they are now: only while the period runs.
        attention = isRunning
            ? lines.filter(\.counted).flatMap { attentionRules.items(for: $0.device, condition: $0.condition, state: $0.state, now: now) }
            : []

        coverage = Self.coverage(snapshot: snapshot, span: span, workingDays: workingDays)
    }

    /// When kiemke measured within `span` and the share of the span's working time it measured
    /// (`workingDays` covering at least the span).
    static func coverage(snapshot: ReportSnapshot, span: DateInterval, workingDays: WorkingDays) -> Coverage {
        var first: Date? = snapshot.observationSpan?.start
        var last: Date? = snapshot.observationSpan?.end
        let hoursWithData = snapshot.observedByHour.keys.sorted()
        if let h = hoursWithData.first {
            let start = max(span.start, Date(timeIntervalSince1970: Double(h) * 3600))
            first = min(first ?? start, start)
        }
        if let h = hoursWithData.last {
            let end = min(span.end, Date(timeIntervalSince1970: Double(h + 1) * 3600))
            last = max(last ?? end, end)
        }
        var measured: DateInterval?
        if let first, let last {
            let from = max(span.start, first)
            measured = DateInterval(start: from, end: max(from, min(span.end, last)))
        }
        // The denominator is the span's working time, hour by hour; a span with none (a Sunday) uses clock time.
        var officeHours = workingDays.scheduledSeconds(in: span) > 0
        var numerator = 0.0
        var denominator = 0.0
        var hour = Int((span.start.timeIntervalSince1970 / 3600).rounded(.down))
        let endHour = Int((span.end.timeIntervalSince1970 / 3600).rounded(.up))
        while hour < endHour {
            let bucket = DateInterval(start: Date(timeIntervalSince1970: Double(hour) * 3600), duration: 3600)
            if let part = bucket.intersection(with: span), part.duration > 0 {
                let scheduled = officeHours ? workingDays.scheduledSeconds(in: part) : part.duration
                denominator += scheduled
                numerator += min(scheduled, snapshot.observedByHour[hour] ?? 0)
            }
            hour += 1
        }
        if denominator == 0 { officeHours = false }
        // No measurement, no percentage: "0%" would read as a figure.
        let percent = denominator > 0 && measured != nil ? numerator * 100 / denominator : nil
        return Coverage(measured: measured, ratio: Ratio(numerator: numerator, denominator: denominator, percent: percent),
                        officeHours: officeHours)
    }
}
