import KiemkeCore
/// One device to check for liveness: where it is, which probe to try first, what else to GET.
public struct LivenessRequest: Sendable, Hashable {
    public var target: ProbeTarget
    /// The probe that answered last time; nil to try every probe at once (never answered, or down).
    public var first: LivenessMethod?
    /// The hrDeviceIndex of its printer row, when its printer error state is to be read with sysUpTime.
    public var printerRow: UInt?

    public init(target: ProbeTarget, first: LivenessMethod?, printerRow: UInt? = nil) {
        self.target = target
        self.first = first
        self.printerRow = printerRow
    }
}
