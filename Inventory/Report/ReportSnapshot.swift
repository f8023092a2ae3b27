import Foundation

/// What the store holds that a report on one period needs, read in one go: a plain value.
///
/// The report is computed from it without the database (`DigitalGovernmentReport(snapshot:...)`),
/// so tests can hand-make one. Everything measured comes from what survives retention: the
/// hourly and daily rollups, plus raw observations where they are still kept.
public struct ReportSnapshot: Sendable, Equatable {
    public var period: ReportPeriod
    /// Every device the store knows, retired ones and internet link targets included.
    public var devices: [Device]
    /// Every condition mark, oldest first (ties in the order they were made).
    public var marks: [ConditionMark]
    /// The daemon's current state of each probed device (for attention items).
    public var states: [DeviceState]
    /// Each device's seconds over the period's days, from the daily rollup, by device id.
    public var totals: [Int64: AvailabilityTotals]
    /// Devices that answered at least once during the period: up time in the rollups, or an
    /// answering observation (a first probe credits no time yet).
    public var answered: Set<Int64>
    /// Devices measured during the period: an answer, or silence while they were expected to
    /// answer (a computer's silence outside office hours measures nothing).
    public var measured: Set<Int64>
    /// For each hour (seconds since 1970 / 3600) of the period with data, the most seconds any
    /// device was observed in it: how much of that hour kiemke was running.
    public var observedByHour: [Int: Double]
    /// The first and last raw observation inside the period, when any is still kept.
    public var observationSpan: DateInterval?

    public init(period: ReportPeriod, devices: [Device], marks: [ConditionMark] = [], states: [DeviceState] = [],
                totals: [Int64: AvailabilityTotals] = [:], answered: Set<Int64>? = nil, measured: Set<Int64>? = nil,
                observedByHour: [Int: Double] = [:], observationSpan: DateInterval? = nil) {
        self.period = period
        self.devices = devices
        self.marks = marks
        self.states = states
        self.totals = totals
        // Hand-made snapshots may give totals only: up time is an answer, scheduled time a measurement.
        self.answered = answered ?? Set(totals.filter { $0.value.up > 0 }.keys)
        self.measured = measured ?? Set(totals.filter { $0.value.up + $0.value.down + $0.value.broken > 0 }.keys)
        self.observedByHour = observedByHour
        self.observationSpan = observationSpan
    }
}
