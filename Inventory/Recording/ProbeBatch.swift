/// A batch of probe results and what they did to the devices' states, ready to be written in one go.
struct ProbeBatch {
    /// The observations, oldest first.
    var observations: [Observation] = []
    /// Each device's state after the batch; `isNew` for a device probed for the first time.
    var states: [Int64: (state: DeviceState, isNew: Bool)] = [:]
    /// Devices whose states were loaded without their facts and got none in the batch: written
    /// without the facts columns, which keep what they held.
    var withoutFacts: Set<Int64> = []
    /// State changes in the order they happened, with the device's name for the daemon's log.
    var changes: [(name: String, change: StateChange)] = []
}
