import Foundation

/// An observation not yet written, with its device named by `uuid`.
public struct HeldObservation: Sendable, Equatable {
    public var deviceUUID: UUID
    public var observation: Observation

    public init(deviceUUID: UUID, observation: Observation) {
        self.deviceUUID = deviceUUID
        self.observation = observation
    }
}
