import Foundation
import KiemkeCore

/// The rules by which probe results become states and availability.
public struct RecordingPolicy: Sendable, Equatable {
    /// Consecutive failed probes inside the schedule before a device counts as down.
    public var downAfter: Int
    /// How often each device is probed; a longer silence means the daemon was not running.
    public var interval: TimeInterval
    public var hours: OfficeHours
    /// Kinds probed on another interval than `interval`.
    public var kindIntervals: [DeviceKind: TimeInterval]

    public init(downAfter: Int = 2, interval: TimeInterval = 300, hours: OfficeHours = OfficeHours(),
                kindIntervals: [DeviceKind: TimeInterval] = [:]) {
        self.downAfter = max(1, downAfter)
        self.interval = interval
        self.hours = hours
        self.kindIntervals = kindIntervals
    }

    /// How often `device` is probed.
    public func interval(for device: Device) -> TimeInterval {
        device.pollInterval ?? kindIntervals[device.kind] ?? interval
    }

    /// The longest time between two probes of `device` that still counts as observed; longer gaps are unknown time.
    ///
    /// Three intervals, plus two minutes for batches slowed by many dead devices' timeouts:
    /// a slow probe is not the daemon being away.
    public func maxGap(for device: Device) -> TimeInterval { interval(for: device) * 3 + 120 }

    /// The up/down rules for `device`, as the state machine takes them.
    public func rules(for device: Device) -> ProbeStateMachine.Rules {
        ProbeStateMachine.Rules(downAfter: downAfter, interval: interval(for: device), maxGap: maxGap(for: device))
    }
}
