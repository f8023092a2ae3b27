import Foundation

/// How far the province has acknowledged this store's data: the change log's sequence, and the
/// ids of the last state change and observation it holds (both tables only ever append).
public struct SyncCursor: Sendable, Equatable, Codable {
    /// The last change-log sequence number the province committed.
    public var sequence: Int64
    /// The last `stateChange` id the province committed.
    public var stateChange: Int64
    /// The last `observation` id whose day summary the province committed.
    public var observation: Int64

    public init(sequence: Int64 = 0, stateChange: Int64 = 0, observation: Int64 = 0) {
        self.sequence = sequence
        self.stateChange = stateChange
        self.observation = observation
    }
}
