import Foundation

/// What the store holds that a report on one period needs, read in one go: a plain value.
///
/// The report is computed from it without the database (`DigitalGovernmentReport(snapshot:...)`),
/// so tests can hand-make one.
public struct ReportSnapshot: Sendable, Equatable {
    public var period: ReportPeriod
    /// Every device the store knows, retired ones and internet link targets included.
    public var devices: [Device]
    /// Every condition mark, oldest first (ties in the order they were made).
    public var marks: [ConditionMark]
    /// The daemon's current state of each probed device.
    public var states: [DeviceState]
    /// Each device's seconds over the period's days, from the daily rollup, by device id.
    public var totals: [Int64: AvailabilityTotals]

    public init(period: ReportPeriod, devices: [Device], marks: [ConditionMark] = [], states: [DeviceState] = [],
                totals: [Int64: AvailabilityTotals] = [:]) {
        self.period = period
        self.devices = devices
        self.marks = marks
        self.states = states
        self.totals = totals
    }
}
