import Foundation

/// The rules by which probe results become states and availability.
public struct RecordingPolicy: Sendable, Equatable {
    /// Consecutive failed probes inside the schedule before a device counts as down.
    public var downAfter: Int
    /// How often each device is probed; a longer silence means the daemon was not running.
    public var interval: TimeInterval
    public var hours: OfficeHours

    public init(downAfter: Int = 2, interval: TimeInterval = 300, hours: OfficeHours = OfficeHours()) {
        self.downAfter = max(1, downAfter)
        self.interval = interval
        self.hours = hours
    }

    /// The longest time between two probes that still counts as observed; longer gaps are unknown time.
    public var maxGap: TimeInterval { interval * 3 }
}
